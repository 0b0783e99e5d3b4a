import type { Metadata } from "next";
import { Portfolio } from "./Portfolio";

export const metadata: Metadata = { title: "Portfolio" };

export default function PortfolioPage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Your portfolio</h1>
        <p>
          The royalty shares you hold and the pools you are in, with what each has earned for you. Claims pay your
          wallet directly.
        </p>
      </div>
      <Portfolio />
    </main>
  );
}
