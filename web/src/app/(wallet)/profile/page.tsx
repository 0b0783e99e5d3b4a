import type { Metadata } from "next";
import { ProfileEditor } from "./ProfileEditor";

export const metadata: Metadata = { title: "Your profile" };

export default function ProfilePage() {
  return (
    <main id="main" className="container">
      <div className="page-head">
        <h1>Your profile</h1>
        <p>
          Your name, bio, avatar, banner and links on your artist page. They are stored by their content hash and your
          registry entry points to them: only a transaction from your wallet can change what your page shows.
        </p>
      </div>
      <ProfileEditor />
    </main>
  );
}
