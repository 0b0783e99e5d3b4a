import assert from "node:assert/strict";
import { network } from "hardhat";
import { getAddress, zeroAddress } from "viem";
import { deployCore } from "../helpers/system.ts";

const { viem, networkHelpers } = await network.create();

async function fixture() {
  return deployCore(viem);
}

describe("ArtistRegistry", function () {
  it("register stores the record, defaults the payout to the artist and emits ArtistRegistered", async function () {
    const { registry, artist } = await networkHelpers.loadFixture(fixture);
    const me = getAddress(artist.account.address);
    await viem.assertions.emitWithArgs(
      registry.write.register(["night-owl", "ipfs://profile", zeroAddress, ""], { account: artist.account }),
      registry,
      "ArtistRegistered",
      [me, zeroAddress, "night-owl", "ipfs://profile", me],
    );
    const record = await registry.read.artistOf([me]);
    assert.equal(record.handle, "night-owl");
    assert.equal(record.profileURI, "ipfs://profile");
    assert.equal(record.payout, me);
    assert.equal(record.referrer, zeroAddress);
    assert.ok(record.registeredAt > 0n);
    assert.equal(await registry.read.isRegistered([me]), true);
    assert.equal(await registry.read.artistByHandle(["night-owl"]), me);
  });

  it("register writes the payee to the Ledger (PayeeSet), which pays the artist from then on", async function () {
    const { registry, ledger, artist, referrer, bob } = await networkHelpers.loadFixture(fixture);
    assert.equal(await registry.read.LEDGER(), ledger.address);
    const me = getAddress(artist.account.address);
    // Before: unknown to the Ledger.
    assert.deepEqual(await ledger.read.payeeOf([me]), { payout: zeroAddress, referrer: zeroAddress });
    await viem.assertions.emitWithArgs(
      registry.write.register(["mentor", "", zeroAddress, ""], { account: referrer.account }),
      ledger,
      "PayeeSet",
      [getAddress(referrer.account.address), getAddress(referrer.account.address), zeroAddress],
    );
    await viem.assertions.emitWithArgs(
      registry.write.register(["newcomer", "", bob.account.address, "mentor"], { account: artist.account }),
      ledger,
      "PayeeSet",
      [me, getAddress(bob.account.address), getAddress(referrer.account.address)],
    );
    assert.deepEqual(await ledger.read.payeeOf([me]), {
      payout: getAddress(bob.account.address),
      referrer: getAddress(referrer.account.address),
    });
    const q = await ledger.read.quote([me, 0, 10_000n, zeroAddress]);
    assert.equal(q.payout, getAddress(bob.account.address));
    assert.equal(q.referrer, getAddress(referrer.account.address));
  });

  it("setPayout writes the new payout to the Ledger and keeps the referrer", async function () {
    const { registry, ledger, artist, referrer, bob } = await networkHelpers.loadFixture(fixture);
    const me = getAddress(artist.account.address);
    const ref = getAddress(referrer.account.address);
    await registry.write.register(["mentor", "", zeroAddress, ""], { account: referrer.account });
    await registry.write.register(["newcomer", "", zeroAddress, "mentor"], { account: artist.account });
    assert.deepEqual(await ledger.read.payeeOf([me]), { payout: me, referrer: ref });
    await viem.assertions.emitWithArgs(
      registry.write.setPayout([bob.account.address], { account: artist.account }),
      ledger,
      "PayeeSet",
      [me, getAddress(bob.account.address), ref],
    );
    assert.deepEqual(await ledger.read.payeeOf([me]), { payout: getAddress(bob.account.address), referrer: ref });
    // Zero means the artist itself, in the Ledger too.
    await viem.assertions.emitWithArgs(
      registry.write.setPayout([zeroAddress], { account: artist.account }),
      ledger,
      "PayeeSet",
      [me, me, ref],
    );
    assert.deepEqual(await ledger.read.payeeOf([me]), { payout: me, referrer: ref });
  });

  it("register with an explicit payout stores that payout", async function () {
    const { registry, artist, bob } = await networkHelpers.loadFixture(fixture);
    await registry.write.register(["abc", "", bob.account.address, ""], { account: artist.account });
    const [payout, referrer] = await registry.read.payoutAndReferrer([artist.account.address]);
    assert.equal(payout, getAddress(bob.account.address));
    assert.equal(referrer, zeroAddress);
  });

  it("register reverts with InvalidHandle for bad handles", async function () {
    const { registry, artist } = await networkHelpers.loadFixture(fixture);
    for (const handle of ["ab", "a".repeat(33), "-abc", "abc-", "Abc", "ab_c", "ab c", "héé", ""]) {
      await viem.assertions.revertWithCustomErrorWithArgs(
        registry.write.register([handle, "", zeroAddress, ""], { account: artist.account }),
        registry,
        "ArtistRegistry_InvalidHandle",
        [handle],
      );
    }
    // The limits themselves are valid.
    await registry.write.register(["a".repeat(32), "", zeroAddress, ""], { account: artist.account });
  });

  it("register accepts 3 characters with digits and inner dashes", async function () {
    const { registry, artist } = await networkHelpers.loadFixture(fixture);
    await registry.write.register(["a-1", "", zeroAddress, ""], { account: artist.account });
    assert.equal(await registry.read.artistByHandle(["a-1"]), getAddress(artist.account.address));
  });

  it("register reverts with HandleTaken when another artist holds the handle", async function () {
    const { registry, artist, bob } = await networkHelpers.loadFixture(fixture);
    await registry.write.register(["taken", "", zeroAddress, ""], { account: artist.account });
    await viem.assertions.revertWithCustomErrorWithArgs(
      registry.write.register(["taken", "", zeroAddress, ""], { account: bob.account }),
      registry,
      "ArtistRegistry_HandleTaken",
      ["taken"],
    );
  });

  it("register reverts with AlreadyRegistered on a second registration", async function () {
    const { registry, artist } = await networkHelpers.loadFixture(fixture);
    await registry.write.register(["first", "", zeroAddress, ""], { account: artist.account });
    await viem.assertions.revertWithCustomErrorWithArgs(
      registry.write.register(["second", "", zeroAddress, ""], { account: artist.account }),
      registry,
      "ArtistRegistry_AlreadyRegistered",
      [getAddress(artist.account.address)],
    );
  });

  it("a referral code resolves to the referring artist", async function () {
    const { registry, artist, referrer } = await networkHelpers.loadFixture(fixture);
    await registry.write.register(["mentor", "", zeroAddress, ""], { account: referrer.account });
    await viem.assertions.emitWithArgs(
      registry.write.register(["newcomer", "uri", zeroAddress, "mentor"], { account: artist.account }),
      registry,
      "ArtistRegistered",
      [
        getAddress(artist.account.address),
        getAddress(referrer.account.address),
        "newcomer",
        "uri",
        getAddress(artist.account.address),
      ],
    );
    const [, ref] = await registry.read.payoutAndReferrer([artist.account.address]);
    assert.equal(ref, getAddress(referrer.account.address));
  });

  it("register reverts with UnknownReferralCode for a code nobody holds", async function () {
    const { registry, artist } = await networkHelpers.loadFixture(fixture);
    await viem.assertions.revertWithCustomErrorWithArgs(
      registry.write.register(["newcomer", "", zeroAddress, "nobody"], { account: artist.account }),
      registry,
      "ArtistRegistry_UnknownReferralCode",
      ["nobody"],
    );
  });

  it("the referrer never changes: profile and payout updates keep it", async function () {
    const { registry, artist, referrer, bob } = await networkHelpers.loadFixture(fixture);
    await registry.write.register(["mentor", "", zeroAddress, ""], { account: referrer.account });
    await registry.write.register(["newcomer", "", zeroAddress, "mentor"], { account: artist.account });
    await registry.write.setProfileURI(["ipfs://v2"], { account: artist.account });
    await registry.write.setPayout([bob.account.address], { account: artist.account });
    const record = await registry.read.artistOf([artist.account.address]);
    assert.equal(record.referrer, getAddress(referrer.account.address));
    // And a second registration (which could name another code) is refused.
    await viem.assertions.revertWithCustomError(
      registry.write.register(["other", "", zeroAddress, "mentor"], { account: artist.account }),
      registry,
      "ArtistRegistry_AlreadyRegistered",
    );
  });

  it("setProfileURI updates the URI and emits ProfileUpdated", async function () {
    const { registry, artist } = await networkHelpers.loadFixture(fixture);
    await registry.write.register(["singer", "ipfs://v1", zeroAddress, ""], { account: artist.account });
    await viem.assertions.emitWithArgs(
      registry.write.setProfileURI(["ipfs://v2"], { account: artist.account }),
      registry,
      "ProfileUpdated",
      [getAddress(artist.account.address), "ipfs://v2"],
    );
    assert.equal((await registry.read.artistOf([artist.account.address])).profileURI, "ipfs://v2");
  });

  it("setPayout changes the payout and zero means the artist itself", async function () {
    const { registry, artist, bob } = await networkHelpers.loadFixture(fixture);
    const me = getAddress(artist.account.address);
    await registry.write.register(["singer", "", zeroAddress, ""], { account: artist.account });
    await viem.assertions.emitWithArgs(
      registry.write.setPayout([bob.account.address], { account: artist.account }),
      registry,
      "PayoutUpdated",
      [me, getAddress(bob.account.address)],
    );
    assert.equal((await registry.read.payoutAndReferrer([me]))[0], getAddress(bob.account.address));
    await viem.assertions.emitWithArgs(
      registry.write.setPayout([zeroAddress], { account: artist.account }),
      registry,
      "PayoutUpdated",
      [me, me],
    );
    assert.equal((await registry.read.payoutAndReferrer([me]))[0], me);
  });

  it("setProfileURI and setPayout revert with NotRegistered for an unregistered caller", async function () {
    const { registry, stranger } = await networkHelpers.loadFixture(fixture);
    const who = getAddress(stranger.account.address);
    await viem.assertions.revertWithCustomErrorWithArgs(
      registry.write.setProfileURI(["x"], { account: stranger.account }),
      registry,
      "ArtistRegistry_NotRegistered",
      [who],
    );
    await viem.assertions.revertWithCustomErrorWithArgs(
      registry.write.setPayout([who], { account: stranger.account }),
      registry,
      "ArtistRegistry_NotRegistered",
      [who],
    );
    assert.equal(await registry.read.isRegistered([who]), false);
    assert.equal((await registry.read.artistOf([who])).handle, "");
  });
});
