import type { Metadata } from "next";
import { NewShares } from "./NewShares";
import "@/styles/release-form.css";

export const metadata: Metadata = { title: "Create shares" };

export default function NewSharesPage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Create royalty shares</h1>
        <p>
          Sell fans a part of a song&apos;s income. The shares are a fixed supply minted to you; the part of your split
          you give their vault is shared by whoever holds them, and you keep the shares you do not sell.
        </p>
      </div>
      <NewShares />
    </main>
  );
}
