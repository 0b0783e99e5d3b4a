/**
 * F-10 (info): a queued fee change could be applied months after it was proposed, and the timelock could be
 * zero. A change expires 14 days after its eta, and the FeeRouter refuses a timelock under one hour.
 * Shown failing on the code before the fix.
 */
import assert from "node:assert/strict";
import { getContractAddress } from "viem";
import { viem, networkHelpers } from "../../drops/fixture.ts";
import { deployCore, MARKET, TIMELOCK } from "../../helpers/system.ts";

const GRACE = 14n * 24n * 3600n;

async function fixture() {
  return deployCore(viem);
}

/** A FeeRouter with `timelock`, on a fresh Ledger that names it (the two name each other). */
async function deployRouter(timelock: bigint) {
  const core = await networkHelpers.loadFixture(fixture);
  const from = core.deployer.account.address;
  const nonce = await core.publicClient.getTransactionCount({ address: from });
  const router = getContractAddress({ from, nonce: BigInt(nonce + 1) });
  const ledger = await viem.deployContract("Ledger", [router, core.registry.address]);
  return viem.deployContract("FeeRouter", [
    ledger.address,
    core.treasury.account.address,
    core.owner.account.address,
    timelock,
  ]);
}

describe("F-10 regression: fee changes expire; the timelock has a floor", function () {
  it("a change not applied within 14 days of its eta expires (FeeRouter_ChangeExpired)", async function () {
    const { feeRouter, owner } = await networkHelpers.loadFixture(fixture);
    await feeRouter.write.proposeFee([MARKET, 1000], { account: owner.account });
    await networkHelpers.time.increase(Number(TIMELOCK + GRACE) + 1);
    await viem.assertions.revertWithCustomError(
      feeRouter.write.applyFee([MARKET]),
      feeRouter,
      "FeeRouter_ChangeExpired",
    );
    assert.equal(await feeRouter.read.feeBps([MARKET]), 250, "the stale change never applies");
  });

  it("a change applied within the grace period still applies", async function () {
    const { feeRouter, owner } = await networkHelpers.loadFixture(fixture);
    await feeRouter.write.proposeFee([MARKET, 1000], { account: owner.account });
    await networkHelpers.time.increase(Number(TIMELOCK + GRACE) - 60);
    await feeRouter.write.applyFee([MARKET]);
    assert.equal(await feeRouter.read.feeBps([MARKET]), 1000);
  });

  it("the constructor refuses a timelock under one hour", async function () {
    for (const t of [0n, 3599n]) {
      await assert.rejects(deployRouter(t), /FeeRouter_TimelockTooShort/, `timelock ${t}`);
    }
    const ok = await deployRouter(3600n);
    assert.equal(await ok.read.TIMELOCK(), 3600n);
  });
});
