/**
 * The share metadata of a page with a card: Open Graph and X (1200x630, summary_large_image) and the
 * Farcaster mini-app embed (`fc:miniapp`, and `fc:frame` for older clients: version "1", a 3:2 image, one
 * button that opens the page). Image URLs carry the card's content version (./version.ts).
 */
import type { Metadata } from "next";
import { CARD_SIZES, type CardSize } from "./card";
import type { LoadedCard } from "./cards";

export const imageUrl = (origin: string, card: LoadedCard, size: CardSize) =>
  `${origin}${card.imagePath}?${size === "og" ? "" : `size=${size}&`}v=${card.version}`;

/** The embed JSON of Farcaster's mini-app spec; `launch_frame` is the action name older clients know. */
export function farcasterEmbed(origin: string, card: LoadedCard, buttonTitle: string, legacy = false) {
  return JSON.stringify({
    version: "1",
    imageUrl: imageUrl(origin, card, "fc"),
    button: {
      title: buttonTitle.slice(0, 32),
      action: {
        type: legacy ? "launch_frame" : "launch_miniapp",
        name: "Not a Label",
        url: `${origin}${card.pagePath}`,
        splashBackgroundColor: "#f7f6f3",
      },
    },
  });
}

export function shareMetadata(origin: string, card: LoadedCard, title: string, buttonTitle: string): Metadata {
  const og = imageUrl(origin, card, "og");
  const alt = `${card.content.kicker}: ${card.content.title}`;
  return {
    openGraph: {
      title,
      description: card.description,
      url: `${origin}${card.pagePath}`,
      siteName: "Not a Label",
      images: [{ url: og, ...CARD_SIZES.og, alt }],
    },
    twitter: { card: "summary_large_image", title, description: card.description, images: [{ url: og, alt }] },
    other: {
      "fc:miniapp": farcasterEmbed(origin, card, buttonTitle),
      "fc:frame": farcasterEmbed(origin, card, buttonTitle, true),
    },
  };
}
