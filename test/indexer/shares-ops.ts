/** Royalty shares in the indexer test: created with or without an offering (ETH or USDC, caps, windows), bought (with
 * affiliates), transferred (and transferFrom), the offering ended. */
import { zeroAddress, type Account, type Address } from "viem";
import { sharesFactoryAbi } from "../../contracts/generated/index.ts";
import { c, send, type Op } from "./world.ts";

import { MARGIN, vaultsOf, sharesOf, read, shares, now, offeringOf, fund, movable } from "./revenue-world.ts";

export const SHARES_OPS: Op[] = [
  {
    name: "createShares",
    weight: 4,
    run: async (rng, world) => {
      const artists = world.actors.filter((a) => world.artists.has(a.address));
      if (artists.length === 0) return null;
      const artist = rng.pick(artists);
      const supply = rng.pick([10n, 100n, 1000n, 10_000n, rng.bigint(1n, 1_000_000n)]);
      const currency = rng.chance(0.7) ? world.usdc : zeroAddress;
      const col = world.collections.get(artist.address);
      const song =
        col && col.editions.length > 0 && rng.chance(0.7)
          ? { collection: col.address, tokenId: rng.pick(col.editions).id }
          : { collection: zeroAddress, tokenId: 0n };
      const t = await now(world);
      const onSale = rng.chance(0.85);
      const payIn = rng.chance(0.5) ? zeroAddress : world.usdc;
      const amount = onSale ? rng.bigint(1n, supply) : 0n;
      const offering = {
        currency: payIn,
        price: !onSale ? 0n : payIn === zeroAddress ? rng.bigint(1n, 2000n) * 10n ** 12n : rng.bigint(1n, 3_000_000n),
        amount,
        walletCap: onSale && rng.chance(0.4) ? rng.bigint(1n, amount) : 0n,
        // Mostly open now; sometimes later (a time jump opens it) or with an end (a time jump closes it).
        start: onSale && rng.chance(0.15) ? Number(t) + rng.int(3600, 12 * 3600) : 0,
        end: 0,
      };
      if (onSale && rng.chance(0.3)) offering.end = Math.max(offering.start, Number(t)) + rng.int(6 * 3600, 5 * 86_400);
      const symbol = `S${rng.int(0, 9999)}`;
      await send(world, artist, {
        address: c(world).SharesFactory.address,
        abi: sharesFactoryAbi,
        functionName: "createShares",
        args: [{ name: `Shares ${symbol}`, symbol, supply, currency, song, offering }],
      });
      const all = await read<Address[]>(world, {
        address: c(world).SharesFactory.address,
        abi: sharesFactoryAbi,
        functionName: "sharesOf",
        args: [artist.address],
      });
      const address = all[all.length - 1]!;
      vaultsOf(world).push({ address, kind: "shares", owner: artist, currency, split: null });
      world.owners.add(address);
      return `shares ${address} by ${artist.address}: ${supply} supply, income ${currency}, offering ${amount} at ${offering.price} ${payIn} cap ${offering.walletCap} [${offering.start}, ${offering.end})`;
    },
  },
  {
    name: "buyShares",
    weight: 7,
    run: async (rng, world) => {
      const t = await now(world);
      for (const v of rng.sample(sharesOf(world), 4)) {
        const o = await offeringOf(world, v.address);
        if (o.remaining === 0n || BigInt(o.start) > t || (o.end !== 0 && BigInt(o.end) <= t + MARGIN)) continue;
        const buyer = rng.pick(world.fans.filter((f) => f.address !== v.owner.address));
        const bought = await read<bigint>(world, shares(v.address, "boughtBy", [buyer.address]));
        let max = o.remaining < 30n ? o.remaining : 30n;
        if (o.walletCap !== 0n) max = max < o.walletCap - bought ? max : o.walletCap - bought;
        if (max <= 0n) continue;
        const amount = rng.bigint(1n, max);
        const cost = amount * o.price;
        const value = await fund(world, buyer, o.currency, cost, c(world).Ledger.address);
        const affiliate = rng.chance(0.3) ? rng.pick(world.accounts).address : zeroAddress;
        await send(world, buyer, { ...shares(v.address, "buy", [amount, affiliate, o.price]), value });
        return `buy ${amount} shares of ${v.address} by ${buyer.address} for ${cost} ${o.currency} (affiliate ${affiliate})`;
      }
      return null;
    },
  },
  {
    name: "transferShares",
    weight: 4,
    run: async (rng, world) => {
      for (const v of rng.sample(sharesOf(world), 4)) {
        const holders: { account: Account; free: bigint }[] = [];
        for (const account of world.fans) {
          const free = await movable(world, v, account.address);
          if (free > 0n) holders.push({ account, free });
        }
        if (holders.length === 0) continue;
        const h = rng.pick(holders);
        const to = rng.pick(world.fans.filter((f) => f.address !== h.account.address));
        const value = rng.chance(0.2) ? h.free : rng.bigint(1n, h.free);
        if (rng.chance(0.25)) {
          // An approved spender moves them (the receiver itself).
          await send(world, h.account, shares(v.address, "approve", [to.address, value]));
          await send(world, to, shares(v.address, "transferFrom", [h.account.address, to.address, value]));
          return `transferFrom ${value} shares of ${v.address}: ${h.account.address} -> ${to.address}`;
        }
        await send(world, h.account, shares(v.address, "transfer", [to.address, value]));
        return `transfer ${value} shares of ${v.address}: ${h.account.address} -> ${to.address}`;
      }
      return null;
    },
  },
  {
    name: "endOffering",
    weight: 1,
    run: async (rng, world) => {
      for (const v of rng.sample(sharesOf(world), 4)) {
        if ((await read<bigint>(world, shares(v.address, "offeringRemaining"))) === 0n) continue;
        await send(world, v.owner, shares(v.address, "endOffering"));
        return `end the offering of ${v.address}`;
      }
      return null;
    },
  },
];
