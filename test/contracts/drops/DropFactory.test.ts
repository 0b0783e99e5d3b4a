import assert from "node:assert/strict";
import { getAddress, parseEventLogs, zeroAddress } from "viem";
import { LOCAL_METADATA_BASE_URI } from "../../../scripts/lib/system.ts";
import { viem, networkHelpers, fixture, COLLECTION_NAME, ROYALTY_BPS } from "./fixture.ts";

describe("Drops", function () {
  describe("DropFactory", function () {
    it("the artist's collection is at predictCollection, named, owned by the artist, royalty to its payout", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const artist = getAddress(d.artist.account.address);
      const predicted = await d.dropFactory.read.predictCollection([artist]);
      assert.equal(await d.dropFactory.read.collectionOf([artist]), predicted);
      assert.equal(getAddress(d.collection.address), predicted);
      const code = await d.publicClient.getCode({ address: predicted });
      assert.ok(code && code.length > 2, "a clone exists at the predicted address");
      assert.equal(await d.collection.read.artist(), artist);
      assert.equal(await d.collection.read.name(), COLLECTION_NAME);
      assert.equal(await d.collection.read.editionCount(), 4n);
      assert.deepEqual(await d.collection.read.royaltyInfo([1n, 10_000n]), [getAddress(d.payout), 750n]);
      assert.deepEqual(await d.collection.read.royaltyInfo([99n, 1_000_000n]), [
        getAddress(d.payout),
        (1_000_000n * BigInt(ROYALTY_BPS)) / 10_000n,
      ]);
      assert.equal(await d.collection.read.isMinter([zeroAddress]), false);
      assert.equal(await d.collection.read.isMinter([artist]), false, "no default minter configured");
    });

    it("the collection is a Ledger operator, made one by the factory", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      assert.equal(await d.ledger.read.operatorLevel([d.dropFactory.address]), 2, "the factory is a Ledger factory");
      assert.equal(await d.ledger.read.operatorLevel([d.collection.address]), 1);
      const logs = await d.publicClient.getContractEvents({
        address: d.ledger.address,
        abi: d.ledger.abi,
        eventName: "OperatorSet",
        fromBlock: 0n,
      });
      const set = logs.find((l) => getAddress(l.args.account!) === getAddress(d.collection.address));
      assert.ok(set, "OperatorSet for the collection");
      assert.equal(set.args.level, 1);
      assert.equal(getAddress(set.args.by!), getAddress(d.dropFactory.address));
    });

    it("createCollection emits CollectionCreated with the full record, RoyaltySet and the Ledger's OperatorSet", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      // The fixture names a default minter (its relayer); this case is a factory without one.
      await d.dropFactory.write.setDefaultMinter([zeroAddress], { account: d.owner.account });
      const scout = getAddress(d.referrer.account.address); // registered with its own address as payout
      const predicted = await d.dropFactory.read.predictCollection([scout]);
      const hash = await d.dropFactory.write.createCollection(["Scout Records", 2500n], {
        account: d.referrer.account,
      });
      await viem.assertions.emitWithArgs(hash, d.dropFactory, "CollectionCreated", [
        scout,
        predicted,
        "Scout Records",
        scout,
        2500n,
        zeroAddress,
      ]);
      await viem.assertions.emitWithArgs(hash, d.ledger, "OperatorSet", [
        predicted,
        1,
        getAddress(d.dropFactory.address),
      ]);
      const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
      const collectionLogs = parseEventLogs({
        abi: d.collection.abi,
        logs: receipt.logs.filter((l) => getAddress(l.address) === predicted),
      });
      assert.deepEqual(
        collectionLogs.map((l) => l.eventName),
        ["RoyaltySet", "Initialized"],
        "royalty set, no minter (none configured), initialized once",
      );
      assert.deepEqual(collectionLogs[0]!.args, { receiver: scout, bps: 2500n });
      assert.equal(await d.dropFactory.read.collectionOf([scout]), predicted);
      const scoutCollection = await viem.getContractAt("DropCollection", predicted);
      assert.equal(await scoutCollection.read.artist(), scout);
      assert.equal(await scoutCollection.read.editionCount(), 0n);
      assert.notEqual(predicted, getAddress(d.collection.address), "one address per artist");
    });

    it("createCollection reverts with NotRegistered for anyone who is not a registered artist", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const stranger = getAddress(d.stranger.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.dropFactory.write.createCollection(["Nope", 0n], { account: d.stranger.account }),
        d.dropFactory,
        "DropFactory_NotRegistered",
        [stranger],
      );
      const predicted = await d.dropFactory.read.predictCollection([stranger]);
      assert.equal(await d.publicClient.getCode({ address: predicted }), undefined);
      assert.equal(await d.dropFactory.read.collectionOf([stranger]), zeroAddress);
    });

    it("createCollection reverts with AlreadyCreated for an artist's second collection", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.dropFactory.write.createCollection(["Second", 0n], { account: d.artist.account }),
        d.dropFactory,
        "DropFactory_AlreadyCreated",
        [getAddress(d.artist.account.address), getAddress(d.collection.address)],
      );
      assert.equal(await d.collection.read.name(), COLLECTION_NAME, "the first collection is untouched");
    });

    it("createCollection reverts with RoyaltyTooHigh above 25% and accepts exactly 25%", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const implementation = await viem.getContractAt("DropCollection", await d.dropFactory.read.IMPLEMENTATION());
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.dropFactory.write.createCollection(["Greedy", 2501n], { account: d.referrer.account }),
        implementation,
        "DropCollection_RoyaltyTooHigh",
        [2501n, 2500n],
      );
      assert.equal(await d.dropFactory.read.collectionOf([d.referrer.account.address]), zeroAddress);
      await d.dropFactory.write.createCollection(["Fair", 2500n], { account: d.referrer.account });
      const created = await viem.getContractAt(
        "DropCollection",
        await d.dropFactory.read.collectionOf([d.referrer.account.address]),
      );
      assert.deepEqual(await created.read.royaltyInfo([1n, 1_000n]), [getAddress(d.referrer.account.address), 250n]);
    });

    it("the default minter is allowed in collections created after it is set, not in earlier ones", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const relayer = getAddress(d.relayer.account.address);
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.dropFactory.write.setDefaultMinter([relayer], { account: d.stranger.account }),
        d.dropFactory,
        "OwnableUnauthorizedAccount",
        [getAddress(d.stranger.account.address)],
      );
      await viem.assertions.emitWithArgs(
        d.dropFactory.write.setDefaultMinter([relayer], { account: d.owner.account }),
        d.dropFactory,
        "DefaultMinterChanged",
        [relayer],
      );
      assert.equal(await d.dropFactory.read.defaultMinter(), relayer);
      const scout = getAddress(d.referrer.account.address);
      const predicted = await d.dropFactory.read.predictCollection([scout]);
      const hash = await d.dropFactory.write.createCollection(["Scout", 0n], { account: d.referrer.account });
      await viem.assertions.emitWithArgs(hash, d.dropFactory, "CollectionCreated", [
        scout,
        predicted,
        "Scout",
        scout,
        0n,
        relayer,
      ]);
      const scoutCollection = await viem.getContractAt("DropCollection", predicted);
      await viem.assertions.emitWithArgs(hash, scoutCollection, "MinterSet", [relayer, true]);
      assert.equal(await scoutCollection.read.isMinter([relayer]), true);
      assert.equal(await d.collection.read.isMinter([relayer]), false, "an existing collection is unchanged");
    });

    it("setMetadataBaseURI is owner-only and changes the URI of every existing edition without one of its own", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const hex = d.configs.eth.metadataHash.slice(2);
      assert.equal(await d.dropFactory.read.metadataBaseURI(), LOCAL_METADATA_BASE_URI);
      assert.equal(await d.collection.read.uri([d.ids.eth]), `${LOCAL_METADATA_BASE_URI}${hex}`);
      await viem.assertions.revertWithCustomErrorWithArgs(
        d.dropFactory.write.setMetadataBaseURI(["https://evil/"], { account: d.artist.account }),
        d.dropFactory,
        "OwnableUnauthorizedAccount",
        [getAddress(d.artist.account.address)],
      );
      const base = "https://notalabel.xyz/api/metadata/";
      await viem.assertions.emitWithArgs(
        d.dropFactory.write.setMetadataBaseURI([base], { account: d.owner.account }),
        d.dropFactory,
        "MetadataBaseURIChanged",
        [base],
      );
      assert.equal(await d.collection.read.uri([d.ids.eth]), `${base}${hex}`);
      assert.equal(await d.collection.read.uri([d.ids.free]), d.FREE_URI, "an edition's own URI does not move");
    });

    it("neither the implementation nor a created collection can be initialized again", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const implementation = await viem.getContractAt("DropCollection", await d.dropFactory.read.IMPLEMENTATION());
      for (const target of [implementation, d.collection]) {
        await viem.assertions.revertWithCustomError(
          target.write.initialize(["Hijack", d.stranger.account.address, 0n, d.stranger.account.address], {
            account: d.stranger.account,
          }),
          target,
          "InvalidInitialization",
        );
      }
      assert.equal(await d.collection.read.isMinter([d.stranger.account.address]), false);
      assert.deepEqual(await d.collection.read.royaltyInfo([1n, 10_000n]), [getAddress(d.payout), 750n]);
    });

    it("predictCollection is fixed per artist and differs between artists", async function () {
      const d = await networkHelpers.loadFixture(fixture);
      const a = await d.dropFactory.read.predictCollection([d.alice.account.address]);
      const b = await d.dropFactory.read.predictCollection([d.bob.account.address]);
      assert.notEqual(a, b);
      await d.registry.write.register(["alice", "", zeroAddress, ""], { account: d.alice.account });
      assert.equal(
        await d.dropFactory.read.predictCollection([d.alice.account.address]),
        a,
        "registering moves nothing",
      );
      await d.dropFactory.write.createCollection(["Alice", 100n], { account: d.alice.account });
      assert.equal(await d.dropFactory.read.collectionOf([d.alice.account.address]), a);
      const alice = await viem.getContractAt("DropCollection", a);
      assert.equal(await alice.read.artist(), getAddress(d.alice.account.address));
    });
  });
});
