import assert from "node:assert/strict";
import { getAddress, parseEther, zeroAddress } from "viem";
import {
  viem,
  networkHelpers,
  holdersFixture,
  sharesFixture,
  holdersModel,
  depositUsdc,
  sendEth,
  buy,
  holds,
  logsOf,
  addr,
  ETH,
  HOLDINGS,
  ARTIST_KEEPS,
  USDC_UNIT,
  type SharesWorld,
  type Account,
} from "./fixture.ts";

/** The holders of holdersFixture with their shares. */
function holders(w: SharesWorld): [Account, bigint][] {
  return [
    [w.artist, ARTIST_KEEPS],
    [w.alice, HOLDINGS.alice],
    [w.bob, HOLDINGS.bob],
    [w.carol, HOLDINGS.carol],
  ];
}

describe("Shares", function () {
  describe("RoyaltyShares claims", function () {
    it("pays each holder exactly its pro-rata part of every income; only dust below one unit per holder stays", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const incomes = [parseEther("1.000000000000000007"), 999_999n, parseEther("0.3333")];
      const usdcIncomes = [10n * USDC_UNIT + 3n, 7n, 1_000_001n];
      for (const a of incomes) await sendEth(w, w.shares.address, a);
      for (const a of usdcIncomes) await depositUsdc(w, w.shares, a);
      const ethIn = incomes.reduce((s, a) => s + a, 0n);
      const usdcIn = usdcIncomes.reduce((s, a) => s + a, 0n);

      // written out per share, independently of any accumulator: floor(income share × income / supply)
      // is a lower bound; the exact rule (scaled 1e9, remainder carried) is the model's
      const model = holdersModel(w);
      const usdcModel = holdersModel(w);
      for (const a of incomes) model.income(a);
      for (const a of usdcIncomes) usdcModel.income(a);
      let ethPaid = 0n;
      let usdcPaid = 0n;
      for (const [who, units] of holders(w)) {
        const a = who.account.address;
        const ethDue = model.claim(a);
        const usdcDue = usdcModel.claim(a);
        // the chain agrees with the model before anything is paid (the model alone would only check itself)
        assert.equal(await w.shares.read.balanceOf([a]), units, "the holder's shares, on chain");
        assert.equal(await w.shares.read.claimable([a, ETH]), ethDue, "ETH claimable on chain == the model");
        assert.equal(await w.shares.read.claimable([a, w.USDC]), usdcDue, "USDC claimable on chain == the model");
        // each holder gets its exact share, short of at most one wei per income
        assert.ok(ethDue <= (ethIn * units) / 1_000n && ethDue + BigInt(incomes.length) >= (ethIn * units) / 1_000n);
        assert.ok(
          usdcDue <= (usdcIn * units) / 1_000n && usdcDue + BigInt(usdcIncomes.length) >= (usdcIn * units) / 1_000n,
        );
        const hash = await w.shares.write.claim([a, ETH], { account: who.account });
        await viem.assertions.balancesHaveChanged(hash, [
          { address: a, amount: ethDue },
          { address: w.shares.address, amount: -ethDue },
        ]);
        const wallet = await w.usdc.read.balanceOf([a]);
        await viem.assertions.emitWithArgs(
          w.shares.write.claim([a, w.USDC], { account: who.account }),
          w.shares,
          "Claimed",
          [getAddress(a), w.USDC, getAddress(a), usdcDue],
        );
        assert.equal((await w.usdc.read.balanceOf([a])) - wallet, usdcDue);
        assert.equal(await w.shares.read.claimable([a, ETH]), 0n);
        assert.equal(await w.shares.read.claimable([a, w.USDC]), 0n);
        ethPaid += ethDue;
        usdcPaid += usdcDue;
      }
      const ethDust = await holds(w, w.shares.address);
      const usdcDust = await w.usdc.read.balanceOf([w.shares.address]);
      assert.equal(ethDust, ethIn - ethPaid);
      assert.equal(usdcDust, usdcIn - usdcPaid);
      assert.ok(ethDust < 4n && usdcDust < 4n, "at most one unit of dust per holder");
    });

    it("anyone may claim for a holder: the holder is paid, not the caller (Claimed names both)", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      await sendEth(w, w.shares.address, parseEther("2"));
      const due = (parseEther("2") * HOLDINGS.bob) / 1_000n;
      const hash = await w.shares.write.claim([w.bob.account.address, ETH], { account: w.stranger.account });
      await viem.assertions.balancesHaveChanged(hash, [
        { address: w.bob.account.address, amount: due },
        { address: w.shares.address, amount: -due },
      ]);
      const events = await logsOf(w, hash, w.shares.address, w.shares.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [["Claimed", { account: addr(w.bob), token: ETH, to: addr(w.bob), amount: due }]],
      );
    });

    it("claimAll pays ETH and USDC in one call, with one Claimed each", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      await sendEth(w, w.shares.address, parseEther("1"));
      await depositUsdc(w, w.shares, 50n * USDC_UNIT);
      const eth = (parseEther("1") * HOLDINGS.alice) / 1_000n;
      const usdc = (50n * USDC_UNIT * HOLDINGS.alice) / 1_000n;
      const { result } = await w.shares.simulate.claimAll([w.alice.account.address]);
      assert.deepEqual(result, [eth, usdc]);
      const wallet = await w.usdc.read.balanceOf([w.alice.account.address]);
      const hash = await w.shares.write.claimAll([w.alice.account.address], { account: w.stranger.account });
      await viem.assertions.balancesHaveChanged(hash, [{ address: w.alice.account.address, amount: eth }]);
      assert.equal((await w.usdc.read.balanceOf([w.alice.account.address])) - wallet, usdc);
      const events = await logsOf(w, hash, w.shares.address, w.shares.abi);
      const alice = addr(w.alice);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [
          ["Claimed", { account: alice, token: ETH, to: alice, amount: eth }],
          ["Claimed", { account: alice, token: w.USDC, to: alice, amount: usdc }],
        ],
      );
      // only USDC due: claimAll pays it alone
      await depositUsdc(w, w.shares, 10n * USDC_UNIT);
      const { result: again } = await w.shares.simulate.claimAll([w.alice.account.address]);
      assert.deepEqual(again, [0n, (10n * USDC_UNIT * HOLDINGS.alice) / 1_000n]);
    });

    it("claimTo pays the caller's earnings to another address; not to zero or the vault (Income_BadReceiver)", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      await sendEth(w, w.shares.address, parseEther("1"));
      const due = (parseEther("1") * HOLDINGS.carol) / 1_000n;
      for (const to of [zeroAddress, getAddress(w.shares.address)]) {
        await viem.assertions.revertWithCustomErrorWithArgs(
          w.shares.write.claimTo([ETH, to], { account: w.carol.account }),
          w.shares,
          "Income_BadReceiver",
          [to],
        );
      }
      const hash = await w.shares.write.claimTo([ETH, w.dave.account.address], { account: w.carol.account });
      await viem.assertions.balancesHaveChanged(hash, [
        { address: w.dave.account.address, amount: due },
        { address: w.shares.address, amount: -due },
      ]);
      const events = await logsOf(w, hash, w.shares.address, w.shares.abi);
      assert.deepEqual(
        events.map((e) => [e.eventName, e.args]),
        [["Claimed", { account: addr(w.carol), token: ETH, to: addr(w.dave), amount: due }]],
      );
      assert.equal(await w.shares.read.claimable([w.carol.account.address, ETH]), 0n);
    });

    it("reverts Income_NothingToClaim for a non-holder, after a claim, and from claimAll (token zero)", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const stranger = addr(w.stranger);
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claim([stranger, ETH]),
        w.shares,
        "Income_NothingToClaim",
        [stranger, ETH],
      );
      await sendEth(w, w.shares.address, parseEther("1"));
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claimAll([stranger]),
        w.shares,
        "Income_NothingToClaim",
        [stranger, zeroAddress],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claimTo([ETH, stranger], { account: w.stranger.account }),
        w.shares,
        "Income_NothingToClaim",
        [stranger, ETH],
      );
      const alice = addr(w.alice);
      await w.shares.write.claim([alice, ETH]);
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claim([alice, ETH]),
        w.shares,
        "Income_NothingToClaim",
        [alice, ETH],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claim([alice, w.USDC]),
        w.shares,
        "Income_NothingToClaim",
        [alice, w.USDC],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claimAll([alice]),
        w.shares,
        "Income_NothingToClaim",
        [alice, zeroAddress],
      );
    });

    it("a holder that rejects ETH fails only its own ETH claim (Income_TransferFailed); others are paid", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const rejecting = await viem.deployContract("RevertingReceiver");
      const rr = getAddress(rejecting.address);
      await w.shares.write.transfer([rr, 100n], { account: w.artist.account });
      const model = holdersModel(w);
      model.move(w.artist.account.address, rr, 100n);
      await sendEth(w, w.shares.address, parseEther("1"));
      await depositUsdc(w, w.shares, 20n * USDC_UNIT);
      model.income(parseEther("1"));
      const due = model.claimable(rr);
      assert.equal(due, parseEther("0.1"));
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claim([rr, ETH]),
        w.shares,
        "Income_TransferFailed",
        [rr, due],
      );
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claimAll([rr]),
        w.shares,
        "Income_TransferFailed",
        [rr, due],
      );
      assert.equal(await w.shares.read.claimable([rr, ETH]), due, "what it earned is still there");
      // everyone else claims as usual
      for (const who of [w.artist, w.alice, w.bob, w.carol]) {
        const a = who.account.address;
        const expected = model.claim(a);
        const hash = await w.shares.write.claim([a, ETH], { account: w.stranger.account });
        await viem.assertions.balancesHaveChanged(hash, [{ address: a, amount: expected }]);
      }
      // its USDC has no receive hook to refuse it
      await w.shares.write.claim([rr, w.USDC]);
      assert.equal(await w.usdc.read.balanceOf([rr]), (20n * USDC_UNIT * 100n) / 1_000n);
      assert.equal(await holds(w, w.shares.address), due, "only its ETH waits in the vault");
    });

    it("a transfer keeps the seller's past earnings; the buyer earns only income that arrives after", async function () {
      const w = await networkHelpers.loadFixture(holdersFixture);
      const [alice, dave] = [w.alice.account.address, w.dave.account.address];
      const eth = holdersModel(w);
      const usdc = holdersModel(w);
      const first = parseEther("0.9") + 11n;
      const firstUsdc = 3n * USDC_UNIT + 1n;
      await sendEth(w, w.shares.address, first);
      await depositUsdc(w, w.shares, firstUsdc);
      eth.income(first);
      usdc.income(firstUsdc);
      const aliceBefore = eth.claimable(alice);
      assert.equal(aliceBefore, (first * 100n) / 1_000n);

      await w.shares.write.transfer([dave, 40n], { account: w.alice.account });
      eth.move(alice, dave, 40n);
      usdc.move(alice, dave, 40n);
      assert.equal(await w.shares.read.claimable([alice, ETH]), aliceBefore, "the seller keeps what it earned");
      assert.equal(await w.shares.read.claimable([alice, w.USDC]), usdc.claimable(alice));
      assert.equal(await w.shares.read.claimable([dave, ETH]), 0n, "the buyer gets nothing of earlier income");
      assert.equal(await w.shares.read.claimable([dave, w.USDC]), 0n);
      await viem.assertions.revertWithCustomErrorWithArgs(
        w.shares.write.claimAll([dave]),
        w.shares,
        "Income_NothingToClaim",
        [getAddress(dave), zeroAddress],
      );

      const second = parseEther("0.5") + 5n;
      const secondUsdc = 8n * USDC_UNIT;
      await sendEth(w, w.shares.address, second);
      await depositUsdc(w, w.shares, secondUsdc);
      eth.income(second);
      usdc.income(secondUsdc);
      // alice: 100 shares of the first income, 60 of the second; dave: 40 of the second
      const perShare = (x: bigint) => x / 1_000n;
      assert.ok(eth.claimable(alice) >= perShare(first * 100n + second * 60n) - 2n);
      assert.equal(eth.claimable(dave), (second * 40n) / 1_000n);
      for (const a of [alice, dave, w.bob.account.address, w.artist.account.address]) {
        assert.equal(await w.shares.read.claimable([a, ETH]), eth.claimable(a), `ETH of ${a}`);
        assert.equal(await w.shares.read.claimable([a, w.USDC]), usdc.claimable(a), `USDC of ${a}`);
      }
      // moving shares back and forth changes nobody's past earnings
      await w.shares.write.transfer([alice, 40n], { account: w.dave.account });
      eth.move(dave, alice, 40n);
      assert.equal(await w.shares.read.claimable([dave, ETH]), eth.claimable(dave));
      assert.equal(await w.shares.read.claimable([alice, ETH]), eth.claimable(alice));
      const { result } = await w.shares.simulate.claimAll([dave]);
      assert.deepEqual(result, [eth.claimable(dave), usdc.claimable(dave)]);
    });

    it("a buyer in the offering earns only income that arrives after its purchase", async function () {
      const fresh = await networkHelpers.loadFixture(sharesFixture);
      await sendEth(fresh, fresh.shares.address, parseEther("1"));
      await buy(fresh, fresh.shares, fresh.bob, 50n);
      assert.equal(await fresh.shares.read.claimable([fresh.bob.account.address, ETH]), 0n);
      assert.equal(await fresh.shares.read.claimable([fresh.artist.account.address, ETH]), parseEther("1"));
      await sendEth(fresh, fresh.shares.address, parseEther("1"));
      assert.equal(await fresh.shares.read.claimable([fresh.bob.account.address, ETH]), parseEther("0.05"));
      assert.equal(await fresh.shares.read.claimable([fresh.artist.account.address, ETH]), parseEther("1.95"));
    });
  });
});
