import { ButtonLink, EmptyState } from "@/components/ui";

/** The drop page's 404: the address is not a collection of this platform, or it has no such edition. */
export default function DropNotFound() {
  return (
    <main id="main" className="container">
      <EmptyState title="No such drop" action={<ButtonLink href="/drops">Discover drops</ButtonLink>}>
        This link does not lead to a drop of Not a Label: the collection was not created through the platform, or it has
        no edition with this number (yet). If the artist just created it, reload in a few seconds.
      </EmptyState>
    </main>
  );
}
