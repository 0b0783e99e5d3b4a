/** Royalty shares: SharesFactory:SharesCreated -> share_token, the artist's holding and the vault's currencies. */
import { ponder } from "ponder:registry";
import { shareHolder, shareToken } from "ponder:schema";
import { lower } from "../lib/money.ts";
import { holderKey, openVault } from "../lib/revenue.ts";
import { countPlatform } from "../lib/totals.ts";

ponder.on("SharesFactory:SharesCreated", async ({ event, context }) => {
  const { artist, shares, params } = event.args;
  const { offering, song } = params;
  const supply = BigInt(params.supply);
  const timestamp = event.block.timestamp;
  await context.db.insert(shareToken).values({
    id: lower(shares),
    artist: lower(artist),
    name: params.name,
    symbol: params.symbol,
    supply,
    currency: lower(params.currency),
    songCollection: lower(song.collection),
    songTokenId: song.tokenId,
    offeringCurrency: lower(offering.currency),
    offeringPrice: offering.price,
    offeringAmount: BigInt(offering.amount),
    offeringWalletCap: BigInt(offering.walletCap),
    offeringStart: BigInt(offering.start),
    offeringEnd: BigInt(offering.end),
    sold: 0n,
    offeringEnded: false,
    // The whole supply was minted to the artist (the constructor's Transfer, see transfers.ts).
    holderCount: 1,
    createdAt: timestamp,
    createdBlock: event.block.number,
    txHash: event.transaction.hash,
  });
  await context.db.insert(shareHolder).values({
    id: holderKey(shares, artist),
    shares: lower(shares),
    account: lower(artist),
    balance: supply,
    bought: 0n,
    updatedAt: timestamp,
  });
  await openVault(context, shares, "shares", params.currency, timestamp);
  await countPlatform(context, "shareTokens", timestamp);
});
