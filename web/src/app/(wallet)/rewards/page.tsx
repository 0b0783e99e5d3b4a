import type { Metadata } from "next";
import { Rewards } from "./Rewards";

export const metadata: Metadata = { title: "Rewards" };

export default function RewardsPage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Rewards</h1>
        <p>
          Milestones earn USDC rewards and soulbound badges. Each batch of rewards is posted on chain and can be claimed
          24 hours later; a claimed reward is credited to your balance, which you withdraw from Earnings.
        </p>
      </div>
      <Rewards />
    </main>
  );
}
