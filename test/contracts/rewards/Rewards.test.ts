/**
 * Rewards and Badges as deployed by deploySystem (test USDC budget, the local signer #18, treasury-owned),
 * with trees built by @openzeppelin/merkle-tree through contracts/lib/rewards.ts: the format the rewards
 * job will use. The Solidity tests (test/sol/rewards) cover every error; this checks the leaf encoding, the
 * deployment and a claim end to end.
 */
import assert from "node:assert/strict";
import { network } from "hardhat";
import { getAddress, keccak256, stringToHex, type Address } from "viem";
import { deploySystem, LOCAL_REWARDS_SIGNER_INDEX, type Wallet } from "../../../scripts/lib/system.ts";
import { rewardId, rewardIdAt, rewardTree, type RewardLeaf } from "../../../contracts/lib/rewards.ts";
import { encodeSource } from "../../../contracts/lib/sources.ts";

const { viem, networkHelpers } = await network.create();
const DAY = 24 * 3600;

async function fixture() {
  const publicClient = await viem.getPublicClient();
  const wallets = await viem.getWalletClients();
  const [deployer, treasury, owner, relayer] = wallets;
  const signer = wallets[LOCAL_REWARDS_SIGNER_INDEX]!;
  const system = await deploySystem(deployer as unknown as Wallet, publicClient as never, {
    treasury: treasury!.account.address,
    owner: owner!.account.address,
    testTokens: true,
  });
  const rewards = await viem.getContractAt("Rewards", system.contracts.Rewards!.address);
  const badges = await viem.getContractAt("Badges", system.contracts.Badges!.address);
  const ledger = await viem.getContractAt("Ledger", system.contracts.Ledger.address);
  const usdc = await viem.getContractAt("TestToken", system.tokens.USDC!.address);
  // 1,000 leaves: a 10-hash proof; amounts of $1 to $4 and badges 1 to 3, every fifth leaf badge-only; odd
  // leaves have numbered reward ids (rewardIdAt: leaf i has id i), even ones hashed ids (rewardId).
  const leaves: RewardLeaf[] = Array.from({ length: 1000 }, (_, i) => {
    const account = getAddress(keccak256(stringToHex(`rewards-test-${i}`)).slice(0, 42)) as Address;
    return {
      account,
      rewardId: i % 2 === 1 ? rewardIdAt(BigInt(i)) : rewardId(account, "earned-100", ""),
      badge: BigInt(1 + (i % 3)),
      amount: i % 5 === 4 ? 0n : BigInt(1 + (i % 4)) * 1_000_000n,
    };
  });
  const tree = rewardTree(leaves);
  await usdc.write.mint([treasury!.account.address, tree.total]);
  await usdc.write.approve([rewards.address, tree.total], { account: treasury!.account });
  await rewards.write.fund([tree.total], { account: treasury!.account });
  await rewards.write.postRoot([1n, tree.root, tree.total], { account: signer.account });
  return { publicClient, rewards, badges, ledger, usdc, treasury: treasury!, relayer: relayer!, leaves, tree };
}

describe("Rewards and Badges (deployed, StandardMerkleTree leaves)", function () {
  it("are owned by the treasury, pay the test USDC and listen to the local signer (#18)", async function () {
    const { rewards, badges, usdc, treasury, ledger } = await networkHelpers.loadFixture(fixture);
    const wallets = await viem.getWalletClients();
    assert.equal(await rewards.read.owner(), getAddress(treasury.account.address));
    assert.equal(await badges.read.owner(), getAddress(treasury.account.address));
    assert.equal(await rewards.read.signer(), getAddress(wallets[LOCAL_REWARDS_SIGNER_INDEX]!.account.address));
    assert.equal(await rewards.read.TOKEN(), getAddress(usdc.address));
    assert.equal(await rewards.read.LEDGER(), getAddress(ledger.address));
    assert.equal(await rewards.read.delay(), 24 * 3600);
    assert.equal(await rewards.read.epochCap(), 100_000n * 1_000_000n);
    assert.equal(await badges.read.REWARDS(), getAddress(rewards.address));
  });

  it("holds the funded budget as its own Ledger balance", async function () {
    const { rewards, ledger, usdc, tree } = await networkHelpers.loadFixture(fixture);
    assert.equal(await ledger.read.balanceOf([rewards.address, usdc.address]), tree.total);
    assert.equal(await usdc.read.balanceOf([rewards.address]), 0n);
  });

  it("after the delay, anyone claims a leaf for its account: Ledger credit moved, tagged reward, and its badge", async function () {
    const { rewards, badges, ledger, usdc, relayer, leaves, tree } = await networkHelpers.loadFixture(fixture);
    const i = 421;
    const l = leaves[i]!;
    const args = [1n, l.account, l.rewardId, l.badge, l.amount, tree.proof(i)] as const;
    await viem.assertions.revertWithCustomError(
      rewards.write.claim(args, { account: relayer.account }),
      rewards,
      "Rewards_NotClaimableYet",
    );
    await networkHelpers.time.increase(DAY);
    assert.equal(l.rewardId, rewardIdAt(421n));
    await viem.assertions.emitWithArgs(rewards.write.claim(args, { account: relayer.account }), ledger, "Transferred", [
      getAddress(rewards.address),
      l.account,
      getAddress(usdc.address),
      l.amount,
      encodeSource("reward"),
    ]);
    assert.equal(await ledger.read.balanceOf([l.account, usdc.address]), l.amount);
    assert.equal(await ledger.read.balanceOf([rewards.address, usdc.address]), tree.total - l.amount);
    assert.equal(await rewards.read.isPaid([l.rewardId]), true);
    // Its neighbours share its paid-flags word and stay unpaid.
    assert.equal(await rewards.read.isPaid([rewardIdAt(420n)]), false);
    assert.equal(await rewards.read.isPaid([rewardIdAt(423n)]), false);
    await badges.write.claim(args, { account: relayer.account });
    assert.equal(await badges.read.balanceOf([l.account, l.badge]), 1n);
    await viem.assertions.revertWithCustomErrorWithArgs(
      rewards.write.claim(args, { account: relayer.account }),
      rewards,
      "Rewards_AlreadyPaid",
      [l.rewardId],
    );
  });

  it("a leaf's proof pays no other account or amount", async function () {
    const { rewards, relayer, leaves, tree } = await networkHelpers.loadFixture(fixture);
    await networkHelpers.time.increase(DAY);
    const l = leaves[7]!;
    const other = leaves[8]!.account;
    for (const [account, amount] of [
      [other, l.amount],
      [l.account, l.amount + 1n],
    ] as const) {
      await viem.assertions.revertWithCustomError(
        rewards.write.claim([1n, account, l.rewardId, l.badge, amount, tree.proof(7)], { account: relayer.account }),
        rewards,
        "Rewards_InvalidProof",
      );
    }
  });
});
