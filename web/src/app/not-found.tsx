import { ButtonLink, EmptyState } from "@/components/ui";

export default function NotFound() {
  return (
    <main id="main" className="container">
      <EmptyState title="Not found" action={<ButtonLink href="/">Back to the start</ButtonLink>}>
        There is nothing at this address. Artist handles are lowercase, like /artists/nova.
      </EmptyState>
    </main>
  );
}
