/**
 * Royalty shares and revenue pools in the indexer test, on the real local chain. Shares: created by
 * artists with or without a primary offering (ETH or USDC, wallet caps, windows), bought (with
 * affiliates), transferred (and transferFrom), the offering ended. Pools: created (equal or weights rule,
 * admin or vote policy, a budget part), join requests decided by the admin or voted on, members leaving,
 * budget spends proposed and voted. Income for both: ETH sent straight to the vault, ETH and USDC
 * deposits, and split income (a split naming the vault, funded, distributed, then `collect`ed); claims
 * (claim, claimAll, claimTo). `revenueInvalid` attempts one operation that must revert. The model only
 * keeps what the operations need to act (revenue-world.ts); everything else is read from the chain. The
 * operations live in shares-ops.ts, vault-ops.ts (income and claims) and pool-ops.ts.
 */
import { zeroAddress } from "viem";

import { c, expectRevert, type Op } from "./world.ts";

import { vaultsOf, read, shares, vault, pool, accountOf, offeringOf, fund, movable } from "./revenue-world.ts";

import { SHARES_OPS } from "./shares-ops.ts";
import { VAULT_OPS } from "./vault-ops.ts";
import { POOL_OPS } from "./pool-ops.ts";

export { vaultsOf } from "./revenue-world.ts";

export const REVENUE_OPS: Op[] = [
  ...SHARES_OPS,
  ...VAULT_OPS,
  ...POOL_OPS,
  {
    name: "revenueInvalid",
    weight: 2,
    run: async (rng, world) => {
      const vaults = vaultsOf(world);
      if (vaults.length === 0) return null;
      const v = rng.pick(vaults);
      const variant = rng.int(0, 2);
      if (variant === 0) {
        // Nothing to claim: an account that never held a unit of this vault.
        const nobody = world.accounts[11]!;
        return expectRevert(
          world,
          nobody,
          "claim with nothing owed",
          vault(v.address, "claimTo", [zeroAddress, world.accounts[10]!.address]),
        );
      }
      if (variant === 1 && v.kind === "shares") {
        // More shares than the artist may move (the offering's reserve), or than anyone holds.
        const free = await movable(world, v, v.owner.address);
        return expectRevert(
          world,
          v.owner,
          "transfer of reserved or missing shares",
          shares(v.address, "transfer", [
            world.fans[0]!.address === v.owner.address ? world.fans[1]!.address : world.fans[0]!.address,
            free + 1n,
          ]),
        );
      }
      if (v.kind === "pool") {
        // Somebody who is not a member proposes a spend.
        for (const a of world.accounts) {
          if (await read<boolean>(world, pool(v.address, "isMember", [a.address]))) continue;
          return expectRevert(
            world,
            a,
            "spend proposed by a non-member",
            pool(v.address, "proposeSpend", [a.address, zeroAddress, 1n, "me"]),
          );
        }
        return null;
      }
      // A buy above the offering's remainder.
      const o = await offeringOf(world, v.address);
      const buyer = accountOf(world, world.fans.find((f) => f.address !== v.owner.address)!.address);
      const amount = o.remaining + 1n;
      const value = await fund(world, buyer, o.currency, amount * o.price, c(world).Ledger.address);
      return expectRevert(world, buyer, "buy above the offering's remainder", {
        ...shares(v.address, "buy", [amount, zeroAddress, o.price]),
        value,
      });
    },
  },
];
