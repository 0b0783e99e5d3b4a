/**
 * Drop operations of the indexer test: collections, editions (ETH / USDC, free, capped, with allowlist
 * presales, own URIs), public / presale / fiat mints, transfers, pauses, updates, royalties, minters, the
 * factory's base URI, and `invalid`, which attempts one operation that must revert.
 */
import { zeroAddress, zeroHash, type Account, type Address, type Hex } from "viem";
import {} from "viem/accounts";
import {
  buildAllowlist,
  dropCollectionAbi,
  dropFactoryAbi,
  encodeSource,
  ledgerAbi,
  type EditionConfig,
} from "../../contracts/generated/index.ts";
import {
  Rng,
  send,
  expectRevert,
  prepareToken,
  c,
  type EditionModel,
  type CollectionModel,
  type World,
  type Op,
} from "./world.ts";
// ---------------------------------------------------------------------------------------------------
// Drops

type EditionState = {
  config: EditionConfig;
  minted: number;
  paused: boolean;
};

type Picked = { col: CollectionModel; ed: EditionModel; e: EditionState };

/** Keeps a sale from closing between the check and the transaction's block. */
const MARGIN = 600n;

async function latestTimestamp(world: World): Promise<bigint> {
  return (await world.client.getBlock()).timestamp;
}

async function readEdition(world: World, col: Address, id: bigint): Promise<EditionState> {
  return world.client.readContract({ address: col, abi: dropCollectionAbi, functionName: "edition", args: [id] });
}

async function mintedBy(world: World, col: Address, id: bigint, wallet: Address): Promise<[bigint, bigint]> {
  const [publicMinted, presaleMinted] = await world.client.readContract({
    address: col,
    abi: dropCollectionAbi,
    functionName: "mintedBy",
    args: [id, wallet],
  });
  return [publicMinted, presaleMinted];
}

/** Up to `tries` random editions (with their chain state) that satisfy `ok`. */
export async function findEditions(rng: Rng, world: World, ok: (p: Picked) => boolean, tries = 12): Promise<Picked[]> {
  const all = [...world.collections.values()].flatMap((col) => col.editions.map((ed) => ({ col, ed })));
  const out: Picked[] = [];
  for (const { col, ed } of rng.sample(all, tries)) {
    const p = { col, ed, e: await readEdition(world, col.address, ed.id) };
    if (ok(p)) out.push(p);
  }
  return out;
}

export function remaining(e: EditionState): bigint {
  const max = e.config.maxSupply === 0 ? 2n ** 32n - 1n : BigInt(e.config.maxSupply);
  return max - BigInt(e.minted);
}

function publicOpen(e: EditionState, t: bigint): boolean {
  return !e.paused && t >= BigInt(e.config.start) && (e.config.end === 0 || t + MARGIN < BigInt(e.config.end));
}

function presaleOpen(e: EditionState, t: bigint): boolean {
  return (
    !e.paused &&
    e.config.presaleRoot !== zeroHash &&
    t >= BigInt(e.config.presaleStart) &&
    t + MARGIN < BigInt(e.config.start)
  );
}

export const minBig = (...values: bigint[]) => values.reduce((a, b) => (b < a ? b : a));

function randomHash(rng: Rng): Hex {
  let hex = "0x";
  for (let i = 0; i < 8; i++)
    hex += rng
      .int(0, 2 ** 32 - 1)
      .toString(16)
      .padStart(8, "0");
  return hex as Hex;
}

function randomPrice(rng: Rng, currency: Address): bigint {
  return currency === zeroAddress ? rng.bigint(1n, 50_000n) * 10n ** 12n : rng.bigint(1n, 50_000_000n);
}

/** ETH value of a mint, or the USDC minted to and approved by the payer (to the Ledger). */
async function payFor(world: World, payer: Account, currency: Address, total: bigint): Promise<bigint> {
  if (currency === zeroAddress) return total;
  if (total > 0n) await prepareToken(world, payer, currency, total);
  return 0n;
}

export function accountOf(world: World, address: Address): Account {
  const account = world.accounts.find((a) => a.address === address);
  if (!account) throw new Error(`no account ${address}`);
  return account;
}

export const DROP_OPS: Op[] = [
  {
    name: "createCollection",
    weight: 4,
    run: async (rng, world) => {
      const candidates = world.actors.filter((a) => world.artists.has(a.address) && !world.collections.has(a.address));
      if (candidates.length === 0) return null;
      const artist = rng.pick(candidates);
      const factory = c(world).DropFactory.address;
      const name = `Drops of ${world.artists.get(artist.address)}`;
      const royaltyBps = rng.int(0, 2500);
      await send(world, artist, {
        address: factory,
        abi: dropFactoryAbi,
        functionName: "createCollection",
        args: [name, BigInt(royaltyBps)],
      });
      const address = await world.client.readContract({
        address: factory,
        abi: dropFactoryAbi,
        functionName: "collectionOf",
        args: [artist.address],
      });
      const minter = await world.client.readContract({
        address: factory,
        abi: dropFactoryAbi,
        functionName: "defaultMinter",
      });
      world.collections.set(artist.address, {
        address,
        artist,
        editions: [],
        minters: new Set(minter === zeroAddress ? [] : [minter]),
        orders: [],
      });
      return `collection ${address} of ${artist.address} (${name}, royalty ${royaltyBps})`;
    },
  },
  {
    name: "createEdition",
    weight: 7,
    run: async (rng, world) => {
      const cols = [...world.collections.values()];
      if (cols.length === 0) return null;
      const col = rng.pick(cols);
      const t = Number(await latestTimestamp(world));
      const currency = rng.pick(world.tokens);
      const free = rng.chance(0.1);
      const price = free ? 0n : randomPrice(rng, currency);
      const allowlist = rng.chance(0.35)
        ? buildAllowlist(rng.sample(world.fans, rng.int(1, 5)).map((a) => a.address))
        : null;
      const start = allowlist ? t + rng.int(2, 30) * 3600 : rng.chance(0.15) ? t + rng.int(1, 20) * 3600 : 0;
      const end = rng.chance(0.25) ? (start || t) + rng.int(1, 10) * 86_400 : 0;
      const presaleStart = !allowlist ? 0 : rng.pick([0, t - 60, start - 3600]);
      const config = {
        currency,
        price,
        maxSupply: rng.chance(0.5) ? 0 : rng.int(1, 40),
        walletCap: rng.chance(0.6) ? 0 : rng.int(1, 8),
        start,
        end,
        presaleStart,
        presaleCap: allowlist && rng.chance(0.5) ? rng.int(1, 5) : 0,
        presalePrice: !allowlist || free || rng.chance(0.15) ? 0n : price / 2n + 1n,
        presaleRoot: allowlist?.root ?? zeroHash,
        metadataHash: randomHash(rng),
      };
      const uri = rng.chance(0.3) ? `ipfs://bafy-edition-${rng.int(0, 1e9)}` : "";
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "createEdition",
        args: [config, uri],
      });
      const id = await world.client.readContract({
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "editionCount",
      });
      col.editions.push({ id, allowlist });
      return `edition ${col.address}#${id} ${currency} price ${price} supply ${config.maxSupply} cap ${config.walletCap} start ${start} end ${end} presale ${allowlist ? `${allowlist.addresses.length} wallets from ${presaleStart}` : "-"} uri ${uri || "(base)"}`;
    },
  },
  {
    name: "mint",
    weight: 14,
    run: async (rng, world) => {
      const t = await latestTimestamp(world);
      const open = await findEditions(rng, world, ({ e }) => publicOpen(e, t) && remaining(e) > 0n);
      if (open.length === 0) return null;
      const { col, ed, e } = rng.pick(open);
      const to = rng.pick(world.fans);
      let max = minBig(3n, remaining(e));
      if (e.config.walletCap !== 0) {
        const [publicMinted] = await mintedBy(world, col.address, ed.id, to.address);
        max = minBig(max, BigInt(e.config.walletCap) - publicMinted);
      }
      if (max <= 0n) return null;
      const quantity = rng.bigint(1n, max);
      const payer = rng.pick(world.actors);
      const affiliate = rng.chance(0.4) ? rng.pick(world.accounts).address : zeroAddress;
      const total = e.config.price * quantity;
      const value = await payFor(world, payer, e.config.currency, total);
      await send(world, payer, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "mint",
        args: [to.address, ed.id, quantity, affiliate, e.config.price],
        value,
      });
      return `mint ${quantity} of ${col.address}#${ed.id} to ${to.address} by ${payer.address} for ${total} of ${e.config.currency} affiliate ${affiliate}`;
    },
  },
  {
    name: "mintAllowlisted",
    weight: 6,
    run: async (rng, world) => {
      const t = await latestTimestamp(world);
      const open = await findEditions(
        rng,
        world,
        ({ ed, e }) => ed.allowlist !== null && presaleOpen(e, t) && remaining(e) > 0n,
      );
      if (open.length === 0) return null;
      const { col, ed, e } = rng.pick(open);
      const allowlist = ed.allowlist!;
      const to = rng.pick(allowlist.addresses);
      let max = minBig(3n, remaining(e));
      if (e.config.presaleCap !== 0) {
        const [, presaleMinted] = await mintedBy(world, col.address, ed.id, to);
        max = minBig(max, BigInt(e.config.presaleCap) - presaleMinted);
      }
      if (max <= 0n) return null;
      const quantity = rng.bigint(1n, max);
      const payer = rng.pick(world.actors);
      const affiliate = rng.chance(0.4) ? rng.pick(world.accounts).address : zeroAddress;
      const total = e.config.presalePrice * quantity;
      const value = await payFor(world, payer, e.config.currency, total);
      await send(world, payer, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "mintAllowlisted",
        args: [to, ed.id, quantity, allowlist.proof(to)!, affiliate, e.config.presalePrice],
        value,
      });
      return `presale mint ${quantity} of ${col.address}#${ed.id} to ${to} by ${payer.address} for ${total} affiliate ${affiliate}`;
    },
  },
  {
    name: "mintPaid",
    weight: 4,
    run: async (rng, world) => {
      // A paid fiat order: no window or pause check, only the supply.
      const found = await findEditions(rng, world, ({ col, e }) => col.minters.size > 0 && remaining(e) > 0n);
      if (found.length === 0) return null;
      const { col, ed, e } = rng.pick(found);
      const minter = accountOf(world, rng.pick([...col.minters]));
      const to = rng.pick(world.fans);
      const quantity = rng.bigint(1n, minBig(3n, remaining(e)));
      const orderId = randomHash(rng);
      await send(world, minter, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "mintPaid",
        args: [to.address, ed.id, quantity, orderId],
      });
      col.orders.push(orderId);
      return `fiat order ${orderId}: ${quantity} of ${col.address}#${ed.id} to ${to.address} by ${minter.address}`;
    },
  },
  {
    name: "setMinter",
    weight: 2,
    run: async (rng, world) => {
      const cols = [...world.collections.values()];
      if (cols.length === 0) return null;
      const col = rng.pick(cols);
      const minter = rng.pick([world.minter, world.defaultMinter]).address;
      const allowed = !col.minters.has(minter);
      // Only the platform's minter (the factory's default) can be allowed (F-07); removing is always possible.
      if (allowed && minter !== world.defaultMinter.address) {
        return expectRevert(world, col.artist, "setMinter of a minter the platform did not name", {
          address: col.address,
          abi: dropCollectionAbi,
          functionName: "setMinter",
          args: [minter, true],
        });
      }
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "setMinter",
        args: [minter, allowed],
      });
      if (allowed) col.minters.add(minter);
      else col.minters.delete(minter);
      return `minter ${minter} ${allowed ? "allowed" : "removed"} in ${col.address}`;
    },
  },
  {
    name: "transfer",
    weight: 7,
    run: async (rng, world) => {
      const cols = [...world.collections.values()].filter((col) => col.editions.length > 0);
      if (cols.length === 0) return null;
      const col = rng.pick(cols);
      const pairs = world.fans.flatMap((fan) => col.editions.map((ed) => ({ fan, id: ed.id })));
      const balances = await world.client.readContract({
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "balanceOfBatch",
        args: [pairs.map((p) => p.fan.address), pairs.map((p) => p.id)],
      });
      const held = pairs.map((p, i) => ({ ...p, balance: balances[i]! })).filter((h) => h.balance > 0n);
      if (held.length === 0) return null;
      const first = rng.pick(held);
      const from = first.fan;
      const to = rng.chance(0.05) ? from : rng.pick(world.fans.filter((f) => f !== from));
      const mine = held.filter((h) => h.fan === from);
      if (mine.length >= 2 && rng.chance(0.35)) {
        const chosen = rng.sample(mine, rng.int(2, Math.min(3, mine.length)));
        const amounts = chosen.map((h) => rng.bigint(1n, h.balance));
        await send(world, from, {
          address: col.address,
          abi: dropCollectionAbi,
          functionName: "safeBatchTransferFrom",
          args: [from.address, to.address, chosen.map((h) => h.id), amounts, "0x"],
        });
        return `batch transfer in ${col.address} ${from.address} -> ${to.address}: ${chosen.map((h, i) => `#${h.id} x${amounts[i]}`).join(", ")}`;
      }
      const amount = rng.chance(0.3) ? first.balance : rng.bigint(1n, first.balance);
      await send(world, from, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "safeTransferFrom",
        args: [from.address, to.address, first.id, amount, "0x"],
      });
      return `transfer ${amount} of ${col.address}#${first.id} ${from.address} -> ${to.address}`;
    },
  },
  {
    name: "setPaused",
    weight: 3,
    run: async (rng, world) => {
      const [found] = await findEditions(rng, world, () => true, 1);
      if (!found) return null;
      const { col, ed, e } = found;
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "setPaused",
        args: [ed.id, !e.paused],
      });
      return `${e.paused ? "resume" : "pause"} ${col.address}#${ed.id}`;
    },
  },
  {
    name: "updateEdition",
    weight: 4,
    run: async (rng, world) => {
      const [found] = await findEditions(rng, world, () => true, 1);
      if (!found) return null;
      const { col, ed, e } = found;
      const t = await latestTimestamp(world);
      const old = e.config;
      const config = { ...old };
      // New prices, a smaller (or, for an open edition, a first) supply, an earlier end, new metadata
      // before the first mint; start, currency and allowlist stay.
      config.price = rng.chance(0.1) ? 0n : randomPrice(rng, old.currency);
      if (old.presaleRoot !== zeroHash) config.presalePrice = rng.chance(0.2) ? 0n : config.price / 3n;
      if (old.maxSupply !== 0) config.maxSupply = rng.int(Math.max(e.minted, 1), old.maxSupply);
      else if (rng.chance(0.4)) config.maxSupply = e.minted + rng.int(0, 20);
      if (rng.chance(0.3)) config.walletCap = rng.chance(0.3) ? 0 : rng.int(1, 8);
      if (old.end !== 0 && BigInt(old.end) - 86_400n > t + MARGIN && old.end - 86_400 > old.start && rng.chance(0.3)) {
        config.end = old.end - 86_400;
      }
      if (e.minted === 0 && rng.chance(0.3)) config.metadataHash = randomHash(rng);
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "updateEdition",
        args: [ed.id, config],
      });
      return `update ${col.address}#${ed.id}: price ${config.price} supply ${config.maxSupply} cap ${config.walletCap} end ${config.end}`;
    },
  },
  {
    name: "setRoyalty",
    weight: 2,
    run: async (rng, world) => {
      const cols = [...world.collections.values()];
      if (cols.length === 0) return null;
      const col = rng.pick(cols);
      const receiver = rng.pick(world.actors).address;
      const bps = rng.int(0, 2500);
      await send(world, col.artist, {
        address: col.address,
        abi: dropCollectionAbi,
        functionName: "setRoyalty",
        args: [receiver, BigInt(bps)],
      });
      return `royalty of ${col.address} -> ${receiver} ${bps} bps`;
    },
  },
  {
    name: "metadataBaseURI",
    weight: 1,
    run: async (rng, world) => {
      const uri = `https://metadata-${rng.int(0, 99_999)}.indexer-test/api/metadata/`;
      await send(world, world.owner, {
        address: c(world).DropFactory.address,
        abi: dropFactoryAbi,
        functionName: "setMetadataBaseURI",
        args: [uri],
      });
      return `metadata base URI -> ${uri}`;
    },
  },
  {
    name: "invalid",
    weight: 6,
    run: async (rng, world) => {
      const t = await latestTimestamp(world);
      const cols = [...world.collections.values()];
      const variant = rng.int(0, 10);
      switch (variant) {
        case 0: {
          // A sale that is paused, not started or over.
          const closed = await findEditions(
            rng,
            world,
            ({ e }) =>
              e.paused || BigInt(e.config.start) > t + MARGIN || (e.config.end !== 0 && t >= BigInt(e.config.end)),
          );
          if (closed.length === 0) return null;
          const { col, ed, e } = rng.pick(closed);
          const payer = rng.pick(world.actors);
          const value = await payFor(world, payer, e.config.currency, e.config.price);
          return expectRevert(world, payer, "mint of a closed sale", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "mint",
            args: [payer.address, ed.id, 1n, zeroAddress, e.config.price],
            value,
          });
        }
        case 1: {
          // Wrong payment: one wei too much for ETH, any ETH for an ERC-20 edition.
          const open = await findEditions(rng, world, ({ e }) => publicOpen(e, t) && remaining(e) > 0n);
          if (open.length === 0) return null;
          const { col, ed, e } = rng.pick(open);
          const payer = rng.pick(world.actors);
          const value = e.config.currency === zeroAddress ? e.config.price + 1n : 1n;
          return expectRevert(world, payer, "mint with the wrong payment", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "mint",
            args: [payer.address, ed.id, 1n, zeroAddress, e.config.price],
            value,
          });
        }
        case 2: {
          const capped = await findEditions(
            rng,
            world,
            ({ e }) => publicOpen(e, t) && e.config.maxSupply !== 0 && remaining(e) < 50n,
          );
          if (capped.length === 0) return null;
          const { col, ed, e } = rng.pick(capped);
          const payer = rng.pick(world.actors);
          const quantity = remaining(e) + 1n;
          const value = await payFor(world, payer, e.config.currency, e.config.price * quantity);
          return expectRevert(world, payer, "mint beyond the supply", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "mint",
            args: [payer.address, ed.id, quantity, zeroAddress, e.config.price],
            value,
          });
        }
        case 3: {
          const open = await findEditions(rng, world, ({ ed, e }) => ed.allowlist !== null && presaleOpen(e, t));
          if (open.length === 0) return null;
          const { col, ed, e } = rng.pick(open);
          const payer = rng.pick(world.actors);
          const value = await payFor(world, payer, e.config.currency, e.config.presalePrice);
          const listed = ed.allowlist!.addresses[0]!;
          // The owner (account 0) is never on an allowlist; the proof is someone else's.
          return expectRevert(world, payer, "presale mint off the allowlist", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "mintAllowlisted",
            args: [world.owner.address, ed.id, 1n, ed.allowlist!.proof(listed)!, zeroAddress, e.config.presalePrice],
            value,
          });
        }
        case 4: {
          const withCollection = cols.map((col) => col.artist);
          const account =
            rng.chance(0.5) || withCollection.length === 0 ? world.accounts[9]! : rng.pick(withCollection);
          return expectRevert(
            world,
            account,
            account === world.accounts[9] ? "collection of an unregistered account" : "second collection",
            {
              address: c(world).DropFactory.address,
              abi: dropFactoryAbi,
              functionName: "createCollection",
              args: ["nope", 0n],
            },
          );
        }
        case 5: {
          const capped = await findEditions(rng, world, ({ e }) => e.config.maxSupply !== 0);
          if (capped.length === 0) return null;
          const { col, ed, e } = rng.pick(capped);
          return expectRevert(world, col.artist, "edition supply raised", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "updateEdition",
            args: [ed.id, { ...e.config, maxSupply: e.config.maxSupply + 1 }],
          });
        }
        case 6: {
          const withOrders = cols.filter((col) => col.orders.length > 0 && col.minters.size > 0);
          const col = withOrders.length > 0 && rng.chance(0.5) ? rng.pick(withOrders) : null;
          if (col) {
            return expectRevert(world, accountOf(world, rng.pick([...col.minters])), "fiat order minted twice", {
              address: col.address,
              abi: dropCollectionAbi,
              functionName: "mintPaid",
              args: [rng.pick(world.fans).address, col.editions[0]!.id, 1n, rng.pick(col.orders)],
            });
          }
          const any = cols.filter((x) => x.editions.length > 0);
          if (any.length === 0) return null;
          const target = rng.pick(any);
          return expectRevert(world, rng.pick(world.actors), "fiat mint by a non-minter", {
            address: target.address,
            abi: dropCollectionAbi,
            functionName: "mintPaid",
            args: [rng.pick(world.fans).address, target.editions[0]!.id, 1n, randomHash(rng)],
          });
        }
        case 7: {
          const [found] = await findEditions(rng, world, () => true, 1);
          if (!found) return null;
          const from = rng.pick(world.fans);
          const held = await world.client.readContract({
            address: found.col.address,
            abi: dropCollectionAbi,
            functionName: "balanceOf",
            args: [from.address, found.ed.id],
          });
          return expectRevert(world, from, "transfer beyond the balance", {
            address: found.col.address,
            abi: dropCollectionAbi,
            functionName: "safeTransferFrom",
            args: [from.address, rng.pick(world.fans).address, found.ed.id, held + 1n, "0x"],
          });
        }
        case 8: {
          if (cols.length === 0) return null;
          const col = rng.pick(cols);
          const caller = rng.pick(world.actors.filter((a) => a !== col.artist));
          return expectRevert(world, caller, "edition by another account than the artist", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "createEdition",
            args: [
              {
                currency: zeroAddress,
                price: 1n,
                maxSupply: 0,
                walletCap: 0,
                start: 0,
                end: 0,
                presaleStart: 0,
                presaleCap: 0,
                presalePrice: 0n,
                presaleRoot: zeroHash,
                metadataHash: randomHash(rng),
              },
              "",
            ],
          });
        }
        case 9: {
          // The artist raised the price after the buyer saw it: the buyer's limit refuses it (F-01).
          const open = await findEditions(
            rng,
            world,
            ({ e }) => publicOpen(e, t) && remaining(e) > 0n && e.config.price > 0n,
          );
          if (open.length === 0) return null;
          const { col, ed, e } = rng.pick(open);
          const payer = rng.pick(world.actors);
          const value = await payFor(world, payer, e.config.currency, e.config.price);
          return expectRevert(world, payer, "mint above the buyer's maxPrice", {
            address: col.address,
            abi: dropCollectionAbi,
            functionName: "mint",
            args: [payer.address, ed.id, 1n, zeroAddress, e.config.price - 1n],
            value,
          });
        }
        default: {
          // An ERC-20 payment pulled from someone else by a caller that is no operator.
          const artists = [...world.artists.keys()];
          if (artists.length === 0) return null;
          const [caller, payer] = rng.sample(world.actors, 2) as [Account, Account];
          await prepareToken(world, payer, world.usdc, 1_000_000n);
          return expectRevert(world, caller, "pay from another payer", {
            address: c(world).Ledger.address,
            abi: ledgerAbi,
            functionName: "pay",
            args: [
              {
                payer: payer.address,
                token: world.usdc,
                amount: 1_000_000n,
                artist: rng.pick(artists),
                kind: 0,
                affiliate: zeroAddress,
                source: encodeSource("tip"),
                ref: 0n,
              },
            ],
          });
        }
      }
    },
  },
];
