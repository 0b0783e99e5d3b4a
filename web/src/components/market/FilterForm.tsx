import { Button, ButtonLink } from "@/components/ui";
import Link from "next/link";
import { collectionMarketPath } from "@/lib/market/paths";
import { KINDS, SORTS, SORT_LABELS, type ParsedFilters } from "@/lib/market/filters";

export type FilterOption = { value: string; label: string };

const KIND_LABELS: Record<(typeof KINDS)[number], string> = {
  all: "Listings and auctions",
  listing: "Listings (buy now)",
  auction: "Auctions",
};

/**
 * The market's filters as a plain GET form: a filtered view is a link, and it works before (or without)
 * JavaScript. Invalid fields are named with a sentence and left out of the results.
 */
export function FilterForm({
  parsed,
  collections,
  artists,
  currencies,
}: {
  parsed: ParsedFilters;
  collections: FilterOption[];
  artists: FilterOption[];
  currencies: FilterOption[];
}) {
  const f = parsed.filters;
  const e = parsed.errors;
  const select = (name: string, label: string, options: FilterOption[], value: string | undefined, any: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`f-${name}`}>
        {label}
      </label>
      <select id={`f-${name}`} name={name} className="input" defaultValue={value ?? ""}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const price = (name: "min" | "max", label: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`f-${name}`}>
        {label}
      </label>
      <input
        id={`f-${name}`}
        name={name}
        className="input"
        inputMode="decimal"
        placeholder={name === "min" ? "0" : "Any"}
        defaultValue={f[name] ?? ""}
        aria-invalid={e[name] ? true : undefined}
        aria-describedby={e[name] ? `f-${name}-error` : undefined}
      />
      {e[name] ? (
        <p className="field-error" id={`f-${name}-error`}>
          {e[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <form
      method="get"
      action="/market"
      className="market-filters"
      aria-label="Filter the market"
      data-testid="market-filters"
    >
      {select(
        "kind",
        "Type",
        KINDS.filter((k) => k !== "all").map((k) => ({ value: k, label: KIND_LABELS[k] })),
        f.kind === "all" ? undefined : f.kind,
        KIND_LABELS.all,
      )}
      {select("collection", "Collection", collections, f.collection, "Any collection")}
      {select("artist", "Artist", artists, f.artist, "Any artist")}
      {select("currency", "Currency", currencies, f.currency, "Any currency")}
      {price("min", "Lowest price")}
      {price("max", "Highest price")}
      {select(
        "sort",
        "Sort by",
        SORTS.filter((s) => s !== "newest").map((s) => ({ value: s, label: SORT_LABELS[s] })),
        f.sort === "newest" ? undefined : f.sort,
        SORT_LABELS.newest,
      )}
      <div className="market-filters-actions">
        <Button type="submit" size="sm">
          Apply
        </Button>
        <ButtonLink href="/market" variant="ghost" size="sm">
          Clear
        </ButtonLink>
      </div>
      <p className="small muted market-filters-note">
        Prices are per token, in the listing&apos;s currency.
        {f.collection ? (
          <>
            {" "}
            <Link href={collectionMarketPath(f.collection)} data-testid="filter-collection-link">
              {collections.find((c) => c.value === f.collection)?.label ?? "This collection"}: floor, volume and
              collection-wide offers
            </Link>
          </>
        ) : null}
      </p>
    </form>
  );
}
