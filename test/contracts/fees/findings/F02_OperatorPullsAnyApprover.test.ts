/**
 * F-02 (high): an operator can pull any approver's tokens, and naming one had no delay. The owner's naming
 * of an operator must wait for the fee timelock (propose, then apply after TIMELOCK), and an EOA can never
 * be one. Shown failing on the code before the fix, where `setOperator` took effect at once.
 */
import assert from "node:assert/strict";
import { encodeFunctionData, getAddress, zeroAddress } from "viem";
import { fixture, networkHelpers, viem, USDC_UNIT, SALE, type Market } from "../../market/fixture.ts";
import { TIMELOCK } from "../../helpers/system.ts";

/**
 * The owner names `account` an operator of `level` by the router's own entry point: `proposeOperator`
 * since the fix, `setOperator` before it (so that this test runs, and fails, on the code before the fix).
 */
async function ownerNames(m: Market, account: `0x${string}`, level: number) {
  const abi = m.feeRouter.abi as readonly { type: string; name?: string }[];
  const name = abi.some((f) => f.type === "function" && f.name === "proposeOperator")
    ? "proposeOperator"
    : "setOperator";
  const hash = await m.owner.writeContract({
    address: m.feeRouter.address,
    abi: m.feeRouter.abi,
    functionName: name as never,
    args: [account, level] as never,
  });
  return m.publicClient.waitForTransactionReceipt({ hash });
}

/** A contract the owner (or a stolen owner key) names: it pulls alice's approved USDC as a "sale" to itself. */
async function rogue(m: Market) {
  const r = await viem.deployContract("HostileBidder", [m.market.address]);
  const steal = (amount: bigint) =>
    r.write.exec([
      m.ledger.address,
      encodeFunctionData({
        abi: m.ledger.abi,
        functionName: "paySale",
        args: [
          {
            payer: getAddress(m.alice.account.address),
            token: m.USDC,
            price: amount,
            seller: r.address,
            royaltyReceiver: zeroAddress,
            royalty: 0n,
            artist: zeroAddress,
            source: SALE,
            ref: 0n,
          },
        ],
      }),
    ]);
  return { r, steal };
}

describe("F-02 regression: naming an operator waits for the timelock; a wallet is never one", function () {
  it("an operator the owner names cannot take a victim's allowance before the timelock", async function () {
    const m = await networkHelpers.loadFixture(fixture);
    const { r, steal } = await rogue(m);
    const victim = m.alice.account.address;
    const before = await m.usdc.read.balanceOf([victim]);
    assert.ok(before > 0n, "alice holds USDC approved to the Ledger (max)");
    await ownerNames(m, r.address, 1);
    await assert.rejects(steal(100n * USDC_UNIT), "the theft must revert while the naming waits for the timelock");
    assert.equal(await m.ledger.read.operatorLevel([r.address]), 0);
    await networkHelpers.time.increase(Number(TIMELOCK) - 60);
    await assert.rejects(steal(100n * USDC_UNIT), "still waiting a minute before the eta");
    assert.equal(await m.usdc.read.balanceOf([victim]), before, "nothing taken");
  });

  it("an EOA can never be named an operator", async function () {
    const m = await networkHelpers.loadFixture(fixture);
    const eoa = m.stranger.account.address;
    for (const level of [1, 2]) {
      await assert.rejects(ownerNames(m, eoa, level), `a wallet cannot be proposed at level ${level}`);
      assert.equal(await m.ledger.read.operatorLevel([eoa]), 0);
    }
  });
});
