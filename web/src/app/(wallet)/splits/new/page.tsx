import type { Metadata } from "next";
import { NewSplit } from "./NewSplit";

export const metadata: Metadata = { title: "New split" };

export default function NewSplitPage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Create a royalty split</h1>
        <p>
          A split is an address that divides everything it receives — ETH or tokens — between its recipients by fixed
          percentages. Its address is known before you create it, so you can share it right away.
        </p>
      </div>
      <NewSplit />
    </main>
  );
}
