import type { Metadata } from "next";
import { NewRelease } from "./NewRelease";
import "@/styles/release-form.css";

export const metadata: Metadata = { title: "New release" };

export default function NewReleasePage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>New release</h1>
        <p>
          Sell a track as a limited or open edition from your own collection. Fans pay the contract, which sends your
          share straight to your payout; you set the price, the supply and when the sale runs.
        </p>
      </div>
      <NewRelease />
    </main>
  );
}
