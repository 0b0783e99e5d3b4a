import type { Metadata } from "next";
import { referralFromQuery } from "@/lib/onboard";
import { OnboardForm } from "./OnboardForm";

export const metadata: Metadata = { title: "Join as an artist" };

export default async function OnboardPage({ searchParams }: { searchParams: Promise<{ ref?: string | string[] }> }) {
  const ref = referralFromQuery((await searchParams).ref);
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Join as an artist</h1>
        <p>
          Register once with a handle. It becomes your public page and your referral code: every artist who joins with
          it sends you 5% of the platform fee on their income, for life.
        </p>
      </div>
      <OnboardForm initialReferral={ref} />
    </main>
  );
}
