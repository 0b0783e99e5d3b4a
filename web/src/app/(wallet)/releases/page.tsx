import type { Metadata } from "next";
import { Releases } from "./Releases";
import "@/styles/release-dashboard.css";

export const metadata: Metadata = { title: "Your releases" };

export default function ReleasesPage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Your releases</h1>
        <p>
          Every edition in your collection: how many sold, what it earned, and whether its sale is open. Pausing stops
          all sales of an edition until you resume it.
        </p>
      </div>
      <Releases />
    </main>
  );
}
