import assert from "node:assert/strict";
import { getAddress, zeroAddress, type Address, type Hex } from "viem";
import { buildAllowlist, parseAddressList } from "../../../contracts/lib/allowlist.ts";
import { addresses, ETH } from "../helpers/system.ts";
import {
  viem,
  networkHelpers,
  fixture,
  creditees,
  editionConfig,
  eventsOf,
  ledgerBalances,
  ledgerHolds,
  paidTo,
  parts,
  DAY,
  PRESALE,
  USDC_UNIT,
  type Drops,
} from "./fixture.ts";

type Fan = Drops["payer"];

/** `fan` presale-mints `quantity` of `id` to `to` with `proof` (to's own proof by default), paying the presale price. */
async function presale(
  d: Drops,
  fan: Fan,
  id: bigint,
  quantity: bigint,
  opts: { to?: Address; proof?: readonly Hex[]; affiliate?: Address; value?: bigint; maxPrice?: bigint } = {},
) {
  const to = opts.to ?? fan.account.address;
  const { config } = await d.collection.read.edition([id]);
  const value = opts.value ?? (config.currency === ETH ? config.presalePrice * quantity : 0n);
  const proof = opts.proof ?? d.allowlist.proof(to) ?? [];
  const maxPrice = opts.maxPrice ?? config.presalePrice;
  return d.collection.write.mintAllowlisted([to, id, quantity, proof, opts.affiliate ?? zeroAddress, maxPrice], {
    account: fan.account,
    value,
  });
}

describe("Drops", function () {
  describe("DropCollection presale (mintAllowlisted)", function () {
    it("an allowlisted wallet mints at the presale price; the Ledger is paid with source presale", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const id = d.ids.presale;
      const amount = d.configs.presale.presalePrice * 2n;
      assert.notEqual(d.configs.presale.presalePrice, d.configs.presale.price);
      const p = parts(amount, { affiliate: true });
      const before = await ledgerBalances(d, creditees(d));
      const hash = await presale(d, d.alice, id, 2n, { affiliate: d.carol.account.address });
      await viem.assertions.balancesHaveChanged(hash, [
        { address: d.alice.account.address, amount: -amount },
        { address: d.ledger.address, amount },
      ]);
      const after = await ledgerBalances(d, creditees(d));
      assert.deepEqual(
        after.map((a, i) => a - before[i]!),
        [p.fee, p.referral, p.net, 0n, 0n, 0n, 0n, p.affiliateFee, 0n],
      );
      const events = await eventsOf(d, hash);
      assert.deepEqual(
        events.map((e) => e.eventName),
        ["Paid", "TransferSingle"],
      );
      assert.deepEqual(events[0]!.args, {
        artist: getAddress(d.artist.account.address),
        payer: getAddress(d.alice.account.address),
        token: ETH,
        operator: getAddress(d.collection.address),
        kind: 0,
        source: PRESALE,
        ref: id,
        gross: amount,
        fee: p.fee,
        referral: p.referral,
        affiliateFee: p.affiliateFee,
        affiliate: getAddress(d.carol.account.address),
        ...paidTo(d),
      });
      assert.deepEqual(await d.collection.read.mintedBy([id, d.alice.account.address]), [0n, 2n]);
      assert.equal(await d.collection.read.balanceOf([d.alice.account.address, id]), 2n);
      assert.equal((await d.collection.read.edition([id])).minted, 2);
    });

    it("runs in [presaleStart, start): PresaleNotActive before and from the public start on", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const now = await networkHelpers.time.latest();
      const config = editionConfig({
        price: 3n,
        presalePrice: 2n,
        presaleStart: now + DAY,
        start: now + 2 * DAY,
        presaleRoot: d.allowlist.root,
      });
      await d.collection.write.createEdition([config, ""], { account: d.artist.account });
      const id = 5n;
      await viem.assertions.revertWithCustomErrorWithArgs(
        presale(d, d.alice, id, 1n),
        d.collection,
        "DropCollection_PresaleNotActive",
        [id],
      );
      await networkHelpers.time.setNextBlockTimestamp(now + DAY - 1);
      await viem.assertions.revertWithCustomErrorWithArgs(
        presale(d, d.alice, id, 1n),
        d.collection,
        "DropCollection_PresaleNotActive",
        [id],
      );
      await networkHelpers.time.setNextBlockTimestamp(now + DAY);
      await presale(d, d.alice, id, 1n);
      // The public sale is not open during the presale, even to the allowlist.
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.collection.write.mint([d.alice.account.address, id, 1n, zeroAddress, 3n], {
          account: d.alice.account,
          value: 3n,
        }),
        d.collection,
        "DropCollection_SaleNotStarted",
        [id, now + 2 * DAY],
      );
      await networkHelpers.time.setNextBlockTimestamp(now + 2 * DAY - 1);
      await presale(d, d.bob, id, 1n);
      await networkHelpers.time.setNextBlockTimestamp(now + 2 * DAY);
      await viem.assertions.revertWithCustomErrorWithArgs(
        presale(d, d.alice, id, 1n),
        d.collection,
        "DropCollection_PresaleNotActive",
        [id],
      );
      await d.collection.write.mint([d.alice.account.address, id, 1n, zeroAddress, 3n], {
        account: d.alice.account,
        value: 3n,
      });
      assert.deepEqual(await d.collection.read.mintedBy([id, d.alice.account.address]), [1n, 1n]);
    });

    it("PresaleNotActive for an edition without an allowlist, even if a presale start was given", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const now = await networkHelpers.time.latest();
      await d.collection.write.createEdition(
        [editionConfig({ start: now + DAY, presaleStart: now - DAY, presalePrice: 1n }), ""],
        { account: d.artist.account },
      );
      for (const id of [d.ids.eth, 5n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          presale(d, d.alice, id, 1n, { value: 0n }),
          d.collection,
          "DropCollection_PresaleNotActive",
          [id],
        );
      }
    });

    it("NotAllowlisted for a wrong proof, another wallet's proof, an empty proof, or a wallet not on the list", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const id = d.ids.presale;
      const alice = getAddress(d.alice.account.address);
      const carol = getAddress(d.carol.account.address);
      const aliceProof = d.allowlist.proof(alice)!;
      const bobProof = d.allowlist.proof(d.bob.account.address)!;
      const other = buildAllowlist([carol, ...addresses(5, "other")]);
      const cases: [Fan, Address, readonly Hex[]][] = [
        [d.alice, alice, bobProof], // wrong proof for alice
        [d.alice, alice, []],
        [d.carol, carol, aliceProof], // another wallet's proof
        [d.alice, carol, aliceProof], // alice's proof does not let her mint to carol
        [d.carol, carol, other.proof(carol)!], // a proof from another tree
      ];
      for (const [fan, to, proof] of cases) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          presale(d, fan, id, 1n, { to, proof }),
          d.collection,
          "DropCollection_NotAllowlisted",
          [id, to],
        );
      }
      assert.equal((await d.collection.read.edition([id])).minted, 0);
      assert.equal(await ledgerHolds(d), 0n);
    });

    it("anyone may pay for an allowlisted wallet; the tokens and the presale count go to it", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const id = d.ids.presale;
      const alice = d.alice.account.address;
      await presale(d, d.stranger, id, 1n, { to: alice });
      assert.equal(await d.collection.read.balanceOf([alice, id]), 1n);
      assert.deepEqual(await d.collection.read.mintedBy([id, alice]), [0n, 1n]);
      assert.deepEqual(await d.collection.read.mintedBy([id, d.stranger.account.address]), [0n, 0n]);
    });

    it("WalletCapExceeded when a proof is reused past the presale cap, whoever pays", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const id = d.ids.presale;
      const alice = getAddress(d.alice.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        presale(d, d.alice, id, 3n),
        d.collection,
        "DropCollection_WalletCapExceeded",
        [id, alice, 2n, 0n],
      );
      await presale(d, d.alice, id, 1n);
      await presale(d, d.alice, id, 1n);
      for (const fan of [d.alice, d.bob, d.stranger]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          presale(d, fan, id, 1n, { to: alice }),
          d.collection,
          "DropCollection_WalletCapExceeded",
          [id, alice, 2n, 2n],
        );
      }
      // bob's own allowance is untouched
      await presale(d, d.bob, id, 2n);
      assert.equal((await d.collection.read.edition([id])).minted, 4);
    });

    it("the presale and public caps count separately", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const id = d.ids.presale;
      const alice = getAddress(d.alice.account.address);
      await presale(d, d.alice, id, 2n);
      await networkHelpers.time.increaseTo(d.configs.presale.start);
      const price = d.configs.presale.price;
      await d.collection.write.mint([alice, id, 3n, zeroAddress, price], {
        account: d.alice.account,
        value: price * 3n,
      });
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.collection.write.mint([alice, id, 1n, zeroAddress, price], { account: d.alice.account, value: price }),
        d.collection,
        "DropCollection_WalletCapExceeded",
        [id, alice, 3n, 3n],
      );
      assert.deepEqual(await d.collection.read.mintedBy([id, alice]), [3n, 2n]);
      assert.equal(await d.collection.read.balanceOf([alice, id]), 5n);
    });

    it("a presale cap of 0 means no cap", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      await d.collection.write.updateEdition([d.ids.presale, { ...d.configs.presale, presaleCap: 0 }], {
        account: d.artist.account,
      });
      await presale(d, d.alice, d.ids.presale, 7n);
      assert.deepEqual(await d.collection.read.mintedBy([d.ids.presale, d.alice.account.address]), [0n, 7n]);
    });

    it("charges exactly the presale price: WrongPayment otherwise", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const { presalePrice, price } = d.configs.presale;
      for (const value of [price, presalePrice - 1n, 0n, presalePrice * 2n]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          presale(d, d.alice, d.ids.presale, 1n, { value }),
          d.collection,
          "DropCollection_WrongPayment",
          [presalePrice, value],
        );
      }
    });

    it("presale mints take from the supply (SoldOut) and stop while paused (SalePaused)", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const id = d.ids.presale;
      await d.collection.write.updateEdition([id, { ...d.configs.presale, maxSupply: 3 }], {
        account: d.artist.account,
      });
      await presale(d, d.alice, id, 2n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        presale(d, d.bob, id, 2n),
        d.collection,
        "DropCollection_SoldOut",
        [id, 2n, 1n],
      );
      await d.collection.write.setPaused([id, true], { account: d.artist.account });
      await viem.assertions.revertWithCustomErrorWithArgs(
        presale(d, d.bob, id, 1n),
        d.collection,
        "DropCollection_SalePaused",
        [id],
      );
      await d.collection.write.setPaused([id, false], { account: d.artist.account });
      await presale(d, d.bob, id, 1n);
      assert.equal((await d.collection.read.edition([id])).minted, 3);
    });

    it("ZeroQuantity and UnknownEdition by name", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomError(
        presale(d, d.alice, d.ids.presale, 0n),
        d.collection,
        "DropCollection_ZeroQuantity",
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        presale(d, d.alice, 9n, 1n, { value: 0n }),
        d.collection,
        "DropCollection_UnknownEdition",
        [9n],
      );
    });

    it("a USDC presale pulls the presale price in USDC; ETH sent reverts with WrongPayment", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const now = await networkHelpers.time.latest();
      // A pasted list, mixed case and separators, as the artist's app takes it.
      const { addresses: listed } = parseAddressList(
        `${d.alice.account.address.toLowerCase()}, ${d.carol.account.address}\n${addresses(30, "fans").join(" ")}`,
      );
      const list = buildAllowlist(listed);
      await d.collection.write.createEdition(
        [
          editionConfig({
            currency: d.USDC,
            price: 10n * USDC_UNIT,
            presalePrice: 7n * USDC_UNIT,
            presaleStart: now,
            start: now + DAY,
            presaleRoot: list.root,
          }),
          "",
        ],
        { account: d.artist.account },
      );
      const id = 5n;
      const proof = list.proof(d.carol.account.address)!;
      assert.ok(proof.length >= 5, "a real multi-level proof");
      await viem.assertions.revertWithCustomErrorWithArgs(
        presale(d, d.carol, id, 1n, { proof, value: 7n * USDC_UNIT }),
        d.collection,
        "DropCollection_WrongPayment",
        [0n, 7n * USDC_UNIT],
      );
      const before = await d.usdc.read.balanceOf([d.carol.account.address]);
      await presale(d, d.carol, id, 2n, { proof });
      assert.equal(before - (await d.usdc.read.balanceOf([d.carol.account.address])), 14n * USDC_UNIT);
      assert.equal(await ledgerHolds(d, d.USDC), 14n * USDC_UNIT);
      assert.equal(await d.ledger.read.balanceOf([d.payout, d.USDC]), parts(14n * USDC_UNIT).net);
      await viem.assertions.revertWithCustomErrorWithArgs(
        presale(d, d.bob, id, 1n, { proof: list.proof(d.alice.account.address)! }),
        d.collection,
        "DropCollection_NotAllowlisted",
        [id, getAddress(d.bob.account.address)],
      );
      assert.equal(await ledgerHolds(d), 0n, "no ETH moved");
    });
  });
});
