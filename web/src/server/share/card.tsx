// Tests run from the repository root, whose tsconfig sets no JSX mode: the file names its runtime itself.
/** @jsxRuntime automatic @jsxImportSource react */
/**
 * The share image of anything (a drop, an artist, later a milestone or a leaderboard place): a cover on
 * the left, a kicker, a title, a subtitle and up to four figures on the right, the site's name below.
 * One layout in two sizes: 1200x630 for Open Graph and X, 3:2 (1200x800) for Farcaster's mini-app embed.
 * A new kind of card is a function that fills `CardContent`; see ./cards.ts.
 */
import { ImageResponse } from "next/og";
import { cardText } from "./text";

export const CARD_SIZES = {
  og: { width: 1200, height: 630 },
  fc: { width: 1200, height: 800 },
} as const;
export type CardSize = keyof typeof CARD_SIZES;

export const parseCardSize = (raw: string | null): CardSize | null =>
  raw === null || raw === "" || raw === "og" ? "og" : raw === "fc" ? "fc" : null;

export type CardFigure = { label: string; value: string };

export type CardContent = {
  /** A short line above the title ("Drop", "Artist", "Milestone"). */
  kicker: string;
  title: string;
  subtitle?: string | null;
  figures: CardFigure[];
  /** The cover's URL as the page shows it (./cover.ts reads it from the media store, never from the web). */
  cover?: string | null;
};

const INK = "#17161a";
const MUTED = "#55525c";
const BG = "#f7f6f3";
const ACCENT = "#4338ca";

/** Draws `card`; `coverData` is the cover as a data: URI (or null for the placeholder). */
export function renderCard(
  card: CardContent,
  size: CardSize,
  coverData: string | null,
  headers: Record<string, string> = {},
): ImageResponse {
  const { width, height } = CARD_SIZES[size];
  const pad = 56;
  const side = height - 2 * pad - 64; // the cover, square, leaves room for the footer
  const title = cardText(card.title, size === "fc" ? 60 : 48, "Untitled");
  const initial = title.charAt(0).toUpperCase();
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        padding: pad,
        background: BG,
        color: INK,
      }}
    >
      <div style={{ display: "flex", flex: 1, gap: 48 }}>
        {coverData ? (
          <img src={coverData} width={side} height={side} style={{ borderRadius: 24, objectFit: "cover" }} alt="" />
        ) : (
          <div
            style={{
              display: "flex",
              width: side,
              height: side,
              borderRadius: 24,
              background: ACCENT,
              color: "#ffffff",
              alignItems: "center",
              justifyContent: "center",
              fontSize: side / 2,
            }}
          >
            {initial || "N"}
          </div>
        )}
        <div style={{ display: "flex", flexDirection: "column", flex: 1, justifyContent: "space-between" }}>
          <div style={{ display: "flex", flexDirection: "column", gap: 12 }}>
            <div style={{ fontSize: 26, color: ACCENT, textTransform: "uppercase", letterSpacing: 2 }}>
              {cardText(card.kicker, 40)}
            </div>
            <div style={{ fontSize: size === "fc" ? 68 : 60, lineHeight: 1.1 }}>{title}</div>
            {card.subtitle ? <div style={{ fontSize: 32, color: MUTED }}>{cardText(card.subtitle, 60)}</div> : null}
          </div>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 36 }}>
            {card.figures.slice(0, 4).map((f) => (
              <div key={f.label} style={{ display: "flex", flexDirection: "column" }}>
                <div style={{ fontSize: 40 }}>{cardText(f.value, 24)}</div>
                <div style={{ fontSize: 22, color: MUTED }}>{cardText(f.label, 30)}</div>
              </div>
            ))}
          </div>
        </div>
      </div>
      <div style={{ display: "flex", alignItems: "center", gap: 14, height: 40, marginTop: 24, fontSize: 26 }}>
        <div
          style={{
            display: "flex",
            width: 40,
            height: 40,
            borderRadius: 10,
            background: INK,
            color: BG,
            alignItems: "center",
            justifyContent: "center",
            fontSize: 16,
          }}
        >
          N/L
        </div>
        <div style={{ display: "flex" }}>Not a Label</div>
        <div style={{ display: "flex", color: MUTED }}>· earnings anyone can check on chain</div>
      </div>
    </div>,
    { width, height, headers },
  );
}
