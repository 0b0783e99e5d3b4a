import type { Metadata } from "next";
import { NewPool } from "./NewPool";
import "@/styles/release-form.css";

export const metadata: Metadata = { title: "Create a pool" };

export default function NewPoolPage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Create a revenue pool</h1>
        <p>
          Pool part of your income with other artists. Members name the pool in their splits; its income is shared by
          their weights, and a budget you choose is spent only by majority vote.
        </p>
      </div>
      <NewPool />
    </main>
  );
}
