import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Alert, ButtonLink, Card } from "@/components/ui";
import { ShareButtons } from "@/components/share/ShareButtons";
import { formatDateTime } from "@/lib/format";
import { milestoneCard } from "@/server/share/cards";
import { shareMetadata } from "@/server/share/metadata";
import { requestOrigin } from "@/server/share/origin";

type Props = { params: Promise<{ handle: string; kind: string; period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle, kind, period } = await params;
  const [card, origin] = await Promise.all([milestoneCard(handle, kind, period).catch(() => null), requestOrigin()]);
  if (!card) return { title: "Milestone" };
  return {
    title: `${card.content.title}: ${card.content.subtitle}`,
    ...shareMetadata(origin, card, `${card.content.subtitle} reached “${card.content.title}”`, "See the proof"),
  };
}

/** One milestone, worth sharing: what was reached, by whom, and the transaction that proves it. */
export default async function MilestonePage({ params }: Props) {
  await connection();
  const { handle, kind, period } = await params;
  let card: Awaited<ReturnType<typeof milestoneCard>>;
  try {
    card = await milestoneCard(handle, kind, period);
  } catch (e) {
    return (
      <main id="main" className="container">
        <Alert tone="error" title="This milestone cannot be loaded right now">
          {(e as Error).message}
        </Alert>
      </main>
    );
  }
  if (!card) notFound();
  const origin = await requestOrigin();
  const artistPath = `/artists/${encodeURIComponent(decodeURIComponent(handle))}`;
  return (
    <main id="main" className="container stack-lg">
      <header>
        <p className="muted">Milestone</p>
        <h1>{card.content.title}</h1>
        <p>
          <Link href={artistPath}>{card.content.subtitle}</Link> reached it on {formatDateTime(card.timestamp)}.
        </p>
      </header>
      <Card title="Proof on chain" description="The transaction that reached it, read from the chain itself.">
        <dl className="definition">
          {card.content.figures.map((f) => (
            <Fragment key={f.label}>
              <dt>{f.label}</dt>
              <dd>{f.label === "Proof" ? <Link href={`/tx/${card.txHash}`}>{card.txHash}</Link> : f.value}</dd>
            </Fragment>
          ))}
        </dl>
      </Card>
      <section aria-labelledby="share-title" className="stack">
        <h2 id="share-title">Share it</h2>
        <ShareButtons
          url={`${origin}${card.pagePath}`}
          text={`${card.content.subtitle} reached “${card.content.title}” on Not a Label`}
        />
      </section>
      <p>
        <ButtonLink href={artistPath} variant="secondary">
          Back to the artist
        </ButtonLink>
      </p>
    </main>
  );
}
