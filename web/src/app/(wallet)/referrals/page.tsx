import type { Metadata } from "next";
import { Referrals } from "./Referrals";

export const metadata: Metadata = { title: "Referrals" };

export default function ReferralsPage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Referrals</h1>
        <p>
          Invite artists with your link. For every artist who registers with your code, you receive 5% of the platform
          fee on all their income — for life, automatically.
        </p>
      </div>
      <Referrals />
    </main>
  );
}
