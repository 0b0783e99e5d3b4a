import type { Metadata } from "next";
import { Earnings } from "./Earnings";
import { NotificationsPanel } from "@/components/notifications/NotificationsPanel";
import "@/styles/earnings.css";

export const metadata: Metadata = { title: "Earnings" };

export default function EarningsPage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Your earnings</h1>
        <p>
          Everything credited to your wallet — split shares, referral income, rewards — waits in the Ledger until you
          withdraw it.
        </p>
      </div>
      <Earnings />
      <NotificationsPanel />
    </main>
  );
}
