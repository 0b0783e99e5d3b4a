import assert from "node:assert/strict";
import { getAddress, parseEther, zeroAddress, zeroHash } from "viem";
import { LOCAL_METADATA_BASE_URI } from "../../../scripts/lib/system.ts";
import { ETH } from "../helpers/system.ts";
import {
  viem,
  networkHelpers,
  fixture,
  editionConfig,
  metadataHash,
  DAY,
  type Drops,
  type EditionConfig,
} from "./fixture.ts";

/** Creates an edition as the artist; returns its id and the block time of the creation. */
async function create(d: Drops, config: EditionConfig, uri = "") {
  const hash = await d.collection.write.createEdition([config, uri], { account: d.artist.account });
  const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
  const block = await d.publicClient.getBlock({ blockNumber: receipt.blockNumber });
  return { id: await d.collection.read.editionCount(), time: Number(block.timestamp) };
}

/** Mints one token of `id` for its price, as `fan`. */
async function mintOne(d: Drops, id: bigint, fan = d.payer) {
  const { config } = await d.collection.read.edition([id]);
  return d.collection.write.mint([fan.account.address, id, 1n, zeroAddress, config.price], {
    account: fan.account,
    value: config.currency === ETH ? config.price : 0n,
  });
}

describe("Drops", function () {
  describe("DropCollection editions", function () {
    describe("createEdition", function () {
      it("numbers editions from 1, stores the config, start 0 meaning the creation time", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const config = editionConfig({
          currency: d.USDC,
          price: 7_000_000n,
          maxSupply: 500,
          walletCap: 4,
          end: 2 ** 32 - 1,
          presaleCap: 9,
          presalePrice: 3n,
          metadataHash: metadataHash("x"),
        });
        const { id, time } = await create(d, config);
        assert.equal(id, 5n);
        const stored = await d.collection.read.edition([id]);
        assert.deepEqual(stored, { config: { ...config, start: time }, minted: 0, paused: false });
      });

      it("emits EditionCreated with the stored config (start filled in) and the URI", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const config = editionConfig({ price: 1n, metadataHash: metadataHash("event") });
        const hash = await d.collection.write.createEdition([config, "ar://own"], { account: d.artist.account });
        const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
        const { timestamp } = await d.publicClient.getBlock({ blockNumber: receipt.blockNumber });
        await viem.assertions.emitWithArgs(hash, d.collection, "EditionCreated", [
          5n,
          { ...config, start: Number(timestamp) },
          "ar://own",
        ]);
      });

      it("keeps a future start as given", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const start = (await networkHelpers.time.latest()) + 3 * DAY;
        const { id } = await create(d, editionConfig({ start }));
        assert.equal((await d.collection.read.edition([id])).config.start, start);
      });

      it("reverts with NotArtist for anyone but the artist", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        for (const who of [d.stranger, d.referrer, d.owner]) {
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.createEdition([editionConfig(), ""], { account: who.account }),
            d.collection,
            "DropCollection_NotArtist",
            [getAddress(who.account.address)],
          );
        }
        assert.equal(await d.collection.read.editionCount(), 4n);
      });

      it("reverts with InvalidWindow when the sale ends at or before its start", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const now = await networkHelpers.time.latest();
        const bad = [
          editionConfig({ start: now + DAY, end: now + DAY }),
          editionConfig({ start: now + DAY, end: now + DAY - 1 }),
          editionConfig({ start: 0, end: now }), // start 0 is the creation time, after `now`
        ];
        for (const config of bad) {
          await viem.assertions.revertWithCustomError(
            d.collection.write.createEdition([config, ""], { account: d.artist.account }),
            d.collection,
            "DropCollection_InvalidWindow",
          );
        }
        await create(d, editionConfig({ start: now + DAY, end: now + DAY + 1 }));
      });

      it("reverts with InvalidWindow when a presale does not open before the public sale", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const now = await networkHelpers.time.latest();
        const root = d.allowlist.root;
        for (const presaleStart of [now + DAY, now + 2 * DAY]) {
          await viem.assertions.revertWithCustomError(
            d.collection.write.createEdition(
              [editionConfig({ start: now + DAY, presaleStart, presaleRoot: root }), ""],
              {
                account: d.artist.account,
              },
            ),
            d.collection,
            "DropCollection_InvalidWindow",
          );
        }
        // Without an allowlist the presale start is ignored.
        await create(d, editionConfig({ start: now + DAY, presaleStart: now + 2 * DAY }));
        await create(d, editionConfig({ start: now + DAY, presaleStart: now + DAY - 1, presaleRoot: root }));
      });

      it("edition() reverts with UnknownEdition for id 0 and ids past the count", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        for (const id of [0n, 5n, 2n ** 200n]) {
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.read.edition([id]),
            d.collection,
            "DropCollection_UnknownEdition",
            [id],
          );
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.read.uri([id]),
            d.collection,
            "DropCollection_UnknownEdition",
            [id],
          );
        }
      });
    });

    describe("uri", function () {
      it("is the factory base followed by the 64 lowercase hex digits of metadataHash", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const hash = `0xABCDEF0123456789${"00".repeat(22)}9a0F` as const;
        const { id } = await create(d, editionConfig({ metadataHash: hash }));
        const uri = await d.collection.read.uri([id]);
        assert.equal(uri, `${LOCAL_METADATA_BASE_URI}abcdef0123456789${"00".repeat(22)}9a0f`);
        assert.match(uri.slice(LOCAL_METADATA_BASE_URI.length), /^[0-9a-f]{64}$/);
        const zero = await create(d, editionConfig({ metadataHash: zeroHash }));
        assert.equal(await d.collection.read.uri([zero.id]), `${LOCAL_METADATA_BASE_URI}${"0".repeat(64)}`);
      });

      it("is the edition's own URI when it was created with one", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        assert.equal(await d.collection.read.uri([d.ids.free]), d.FREE_URI);
        assert.equal(
          await d.collection.read.uri([d.ids.eth]),
          `${LOCAL_METADATA_BASE_URI}${d.configs.eth.metadataHash.slice(2)}`,
        );
      });

      it("follows a metadata change before the first mint", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const next = metadataHash('{"name":"Single (remaster)"}');
        await d.collection.write.updateEdition([d.ids.eth, { ...d.configs.eth, metadataHash: next }], {
          account: d.artist.account,
        });
        assert.equal(await d.collection.read.uri([d.ids.eth]), `${LOCAL_METADATA_BASE_URI}${next.slice(2)}`);
      });
    });

    describe("updateEdition", function () {
      it("reverts with NotArtist for anyone but the artist, and UnknownEdition for a missing id", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.updateEdition([d.ids.eth, { ...d.configs.eth, price: 1n }], {
            account: d.stranger.account,
          }),
          d.collection,
          "DropCollection_NotArtist",
          [getAddress(d.stranger.account.address)],
        );
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.updateEdition([9n, d.configs.eth], { account: d.artist.account }),
          d.collection,
          "DropCollection_UnknownEdition",
          [9n],
        );
        assert.equal((await d.collection.read.edition([d.ids.eth])).config.price, d.configs.eth.price);
      });

      it("changes the price of a running sale, emits EditionUpdated with the whole config, and charges the new price", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await mintOne(d, d.ids.eth);
        const next = { ...d.configs.eth, price: parseEther("0.03"), walletCap: 7 };
        await viem.assertions.emitWithArgs(
          d.collection.write.updateEdition([d.ids.eth, next], { account: d.artist.account }),
          d.collection,
          "EditionUpdated",
          [d.ids.eth, next],
        );
        assert.deepEqual(await d.collection.read.edition([d.ids.eth]), { config: next, minted: 1, paused: false });
        // A fan who saw the old price is refused by name (F-01); one who accepts the new price must pay it.
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.mint([d.payer.account.address, d.ids.eth, 1n, zeroAddress, d.configs.eth.price], {
            account: d.payer.account,
            value: d.configs.eth.price,
          }),
          d.collection,
          "DropCollection_PriceAboveMax",
          [d.ids.eth, parseEther("0.03"), d.configs.eth.price],
        );
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.mint([d.payer.account.address, d.ids.eth, 1n, zeroAddress, parseEther("0.03")], {
            account: d.payer.account,
            value: d.configs.eth.price,
          }),
          d.collection,
          "DropCollection_WrongPayment",
          [parseEther("0.03"), d.configs.eth.price],
        );
        await mintOne(d, d.ids.eth);
        assert.equal((await d.collection.read.edition([d.ids.eth])).minted, 2);
      });

      it("keeps minted and paused", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await mintOne(d, d.ids.eth);
        await d.collection.write.setPaused([d.ids.eth, true], { account: d.artist.account });
        await d.collection.write.updateEdition([d.ids.eth, { ...d.configs.eth, price: 1n }], {
          account: d.artist.account,
        });
        const e = await d.collection.read.edition([d.ids.eth]);
        assert.equal(e.minted, 1);
        assert.equal(e.paused, true);
      });

      describe("supply", function () {
        it("can shrink, down to exactly what was minted", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          await mintOne(d, d.ids.eth);
          await mintOne(d, d.ids.eth, d.alice);
          for (const maxSupply of [99, 50, 2]) {
            await d.collection.write.updateEdition([d.ids.eth, { ...d.configs.eth, maxSupply }], {
              account: d.artist.account,
            });
            assert.equal((await d.collection.read.edition([d.ids.eth])).config.maxSupply, maxSupply);
          }
          await viem.assertions.revertWithCustomErrorWithArgs(
            mintOne(d, d.ids.eth, d.bob),
            d.collection,
            "DropCollection_SoldOut",
            [d.ids.eth, 1n, 0n],
          );
        });

        it("reverts with InvalidSupply when it would grow, reopen, or drop below what was minted", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          for (let i = 0; i < 3; i++) await mintOne(d, d.ids.eth);
          const cases: [number, string][] = [
            [101, "grow"],
            [0, "reopen as an open edition"],
            [2, "below minted"],
            [1, "below minted"],
          ];
          for (const [maxSupply] of cases) {
            await viem.assertions.revertWithCustomErrorWithArgs(
              d.collection.write.updateEdition([d.ids.eth, { ...d.configs.eth, maxSupply }], {
                account: d.artist.account,
              }),
              d.collection,
              "DropCollection_InvalidSupply",
              [d.ids.eth, 100, maxSupply, 3],
            );
          }
          assert.equal((await d.collection.read.edition([d.ids.eth])).config.maxSupply, 100);
        });

        it("an open edition can be closed at or above minted, or stay open, but not below minted", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          const id = d.ids.usdc; // open, ERC-20
          for (let i = 0; i < 3; i++) await mintOne(d, id);
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.updateEdition([id, { ...d.configs.usdc, maxSupply: 2 }], { account: d.artist.account }),
            d.collection,
            "DropCollection_InvalidSupply",
            [id, 0, 2, 3],
          );
          await d.collection.write.updateEdition([id, { ...d.configs.usdc, maxSupply: 0, price: 1n }], {
            account: d.artist.account,
          });
          assert.equal((await d.collection.read.edition([id])).config.maxSupply, 0);
          await d.collection.write.updateEdition([id, { ...d.configs.usdc, maxSupply: 3 }], {
            account: d.artist.account,
          });
          assert.equal((await d.collection.read.edition([id])).config.maxSupply, 3);
          await viem.assertions.revertWithCustomErrorWithArgs(mintOne(d, id), d.collection, "DropCollection_SoldOut", [
            id,
            1n,
            0n,
          ]);
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.updateEdition([id, { ...d.configs.usdc, maxSupply: 0 }], { account: d.artist.account }),
            d.collection,
            "DropCollection_InvalidSupply",
            [id, 3, 0, 3],
          );
        });

        it("cannot grow before any mint either", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.updateEdition([d.ids.presale, { ...d.configs.presale, maxSupply: 11 }], {
              account: d.artist.account,
            }),
            d.collection,
            "DropCollection_InvalidSupply",
            [d.ids.presale, 10, 11, 0],
          );
        });
      });

      describe("locks after the first mint", function () {
        it("currency and metadata can change before the first mint", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          const next = { ...d.configs.eth, currency: d.USDC, price: 2n, metadataHash: metadataHash("v2") };
          await d.collection.write.updateEdition([d.ids.eth, next], { account: d.artist.account });
          assert.deepEqual((await d.collection.read.edition([d.ids.eth])).config, next);
          // Now an ERC-20 edition: it charges USDC, not ETH.
          const before = await d.usdc.read.balanceOf([d.payer.account.address]);
          await d.collection.write.mint([d.payer.account.address, d.ids.eth, 1n, zeroAddress, 2n], {
            account: d.payer.account,
          });
          assert.equal(before - (await d.usdc.read.balanceOf([d.payer.account.address])), 2n);
          // And back to ETH is no longer possible.
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.updateEdition([d.ids.eth, { ...next, currency: ETH }], { account: d.artist.account }),
            d.collection,
            "DropCollection_Locked",
            [d.ids.eth],
          );
        });

        it("reverts with Locked for a new currency or new metadata after a mint", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          await mintOne(d, d.ids.eth);
          const changes: Partial<EditionConfig>[] = [
            { currency: d.USDC },
            { metadataHash: metadataHash("swapped") },
            { metadataHash: zeroHash },
          ];
          for (const change of changes) {
            await viem.assertions.revertWithCustomErrorWithArgs(
              d.collection.write.updateEdition([d.ids.eth, { ...d.configs.eth, ...change }], {
                account: d.artist.account,
              }),
              d.collection,
              "DropCollection_Locked",
              [d.ids.eth],
            );
          }
          assert.deepEqual((await d.collection.read.edition([d.ids.eth])).config, d.configs.eth);
        });

        it("a fiat (mintPaid) mint locks too", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          await d.collection.write.setMinter([d.relayer.account.address, true], { account: d.artist.account });
          await d.collection.write.mintPaid([d.alice.account.address, d.ids.presale, 1n, `0x${"11".repeat(32)}`], {
            account: d.relayer.account,
          });
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.updateEdition([d.ids.presale, { ...d.configs.presale, metadataHash: zeroHash }], {
              account: d.artist.account,
            }),
            d.collection,
            "DropCollection_Locked",
            [d.ids.presale],
          );
        });
      });

      describe("sale window", function () {
        it("before the start, the start and the end can move either way", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          const c = d.configs.presale;
          const later = { ...c, start: c.start + DAY, end: c.end + 10 * DAY };
          await d.collection.write.updateEdition([d.ids.presale, later], { account: d.artist.account });
          assert.deepEqual((await d.collection.read.edition([d.ids.presale])).config, later);
          const sooner = { ...c, start: c.start - 3600, end: 0 };
          await d.collection.write.updateEdition([d.ids.presale, sooner], { account: d.artist.account });
          assert.deepEqual((await d.collection.read.edition([d.ids.presale])).config, sooner);
        });

        it("a started sale keeps its start: SaleRunning", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          const c = d.configs.presale;
          await networkHelpers.time.increaseTo(c.start);
          for (const start of [c.start + 1, c.start - 1, c.start + DAY]) {
            await viem.assertions.revertWithCustomErrorWithArgs(
              d.collection.write.updateEdition([d.ids.presale, { ...c, start }], { account: d.artist.account }),
              d.collection,
              "DropCollection_SaleRunning",
              [d.ids.presale],
            );
          }
          // the edition that started at creation too
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.updateEdition([d.ids.eth, { ...d.configs.eth, start: d.configs.eth.start + 1 }], {
              account: d.artist.account,
            }),
            d.collection,
            "DropCollection_SaleRunning",
            [d.ids.eth],
          );
        });

        it("a started sale can only end earlier: SaleRunning for a later end or no end", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          const c = d.configs.presale;
          await networkHelpers.time.increaseTo(c.start + 10);
          for (const end of [c.end + 1, 0]) {
            await viem.assertions.revertWithCustomErrorWithArgs(
              d.collection.write.updateEdition([d.ids.presale, { ...c, end }], { account: d.artist.account }),
              d.collection,
              "DropCollection_SaleRunning",
              [d.ids.presale],
            );
          }
          const earlier = { ...c, end: c.end - DAY };
          await viem.assertions.emitWithArgs(
            d.collection.write.updateEdition([d.ids.presale, earlier], { account: d.artist.account }),
            d.collection,
            "EditionUpdated",
            [d.ids.presale, earlier],
          );
          assert.equal((await d.collection.read.edition([d.ids.presale])).config.end, c.end - DAY);
          // the same end is allowed (a price change keeps the window)
          await d.collection.write.updateEdition([d.ids.presale, { ...earlier, price: 5n }], {
            account: d.artist.account,
          });
        });

        it("a running sale without an end may get one; ending it must still come after its start", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          const c = d.configs.eth;
          const now = await networkHelpers.time.latest();
          await d.collection.write.updateEdition([d.ids.eth, { ...c, end: now + DAY }], { account: d.artist.account });
          assert.equal((await d.collection.read.edition([d.ids.eth])).config.end, now + DAY);
          await viem.assertions.revertWithCustomError(
            d.collection.write.updateEdition([d.ids.eth, { ...c, end: c.start }], { account: d.artist.account }),
            d.collection,
            "DropCollection_InvalidWindow",
          );
        });

        it("an ended sale cannot be reopened", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          const c = d.configs.presale;
          await networkHelpers.time.increaseTo(c.end + 5);
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.updateEdition([d.ids.presale, { ...c, end: c.end + DAY }], {
              account: d.artist.account,
            }),
            d.collection,
            "DropCollection_SaleRunning",
            [d.ids.presale],
          );
        });

        it("updateEdition validates the window: InvalidWindow", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          const c = d.configs.presale;
          for (const bad of [
            { ...c, end: c.start },
            { ...c, presaleStart: c.start },
          ]) {
            await viem.assertions.revertWithCustomError(
              d.collection.write.updateEdition([d.ids.presale, bad], { account: d.artist.account }),
              d.collection,
              "DropCollection_InvalidWindow",
            );
          }
        });

        // FINDING DROPS-01 (failed on e6f3f12, fixed in 716dae0): updateEdition did not turn start 0 into "now"
        // as createEdition does, and start 0 is what marks an edition as unknown: the edition disappeared for
        // good (edition, uri, mint, mintPaid, updateEdition and setPaused all reverted with UnknownEdition).
        // See test/sol/drops/DropsFindings.t.sol.
        it("FINDING DROPS-01: start 0 in an update of a sale not yet started means now, never deletes the edition", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          await d.collection.write.setMinter([d.relayer.account.address, true], { account: d.artist.account });
          await d.collection.write.mintPaid([d.bob.account.address, d.ids.presale, 2n, `0x${"01".repeat(32)}`], {
            account: d.relayer.account,
          });
          const next = { ...d.configs.presale, start: 0, end: 0, presaleRoot: zeroHash };
          const hash = await d.collection.write.updateEdition([d.ids.presale, next], { account: d.artist.account });
          const receipt = await d.publicClient.waitForTransactionReceipt({ hash });
          const now = Number((await d.publicClient.getBlock({ blockNumber: receipt.blockNumber })).timestamp);
          await viem.assertions.emitWithArgs(hash, d.collection, "EditionUpdated", [
            d.ids.presale,
            { ...next, start: now },
          ]);
          const e = await d.collection.read.edition([d.ids.presale]).catch(() => {
            assert.fail("updateEdition with start 0 deleted the edition: edition(3) reverts with UnknownEdition");
          });
          assert.deepEqual(e, { config: { ...next, start: now }, minted: 2, paused: false });
          assert.equal(await d.collection.read.editionCount(), 4n);
          assert.ok((await d.collection.read.uri([d.ids.presale])).length > 0, "the holders keep their metadata");
          // The sale is open now.
          await d.collection.write.mint(
            [d.alice.account.address, d.ids.presale, 1n, zeroAddress, d.configs.presale.price],
            {
              account: d.alice.account,
              value: d.configs.presale.price,
            },
          );
          assert.equal((await d.collection.read.edition([d.ids.presale])).minted, 3);
        });

        it("start 0 in an update of a running sale is a new start: SaleRunning", async function () {
          const d = await networkHelpers.loadFixture(fixture);
          await networkHelpers.time.increase(10);
          await viem.assertions.revertWithCustomErrorWithArgs(
            d.collection.write.updateEdition([d.ids.eth, { ...d.configs.eth, start: 0 }], {
              account: d.artist.account,
            }),
            d.collection,
            "DropCollection_SaleRunning",
            [d.ids.eth],
          );
          assert.equal((await d.collection.read.edition([d.ids.eth])).config.start, d.configs.eth.start);
        });
      });
    });

    describe("setPaused", function () {
      it("pauses and resumes a sale, emitting EditionPaused; only the artist; unknown ids revert", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.setPaused([d.ids.eth, true], { account: d.stranger.account }),
          d.collection,
          "DropCollection_NotArtist",
          [getAddress(d.stranger.account.address)],
        );
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.setPaused([0n, true], { account: d.artist.account }),
          d.collection,
          "DropCollection_UnknownEdition",
          [0n],
        );
        await viem.assertions.emitWithArgs(
          d.collection.write.setPaused([d.ids.eth, true], { account: d.artist.account }),
          d.collection,
          "EditionPaused",
          [d.ids.eth, true],
        );
        assert.equal((await d.collection.read.edition([d.ids.eth])).paused, true);
        await viem.assertions.revertWithCustomErrorWithArgs(
          mintOne(d, d.ids.eth),
          d.collection,
          "DropCollection_SalePaused",
          [d.ids.eth],
        );
        await viem.assertions.emitWithArgs(
          d.collection.write.setPaused([d.ids.eth, false], { account: d.artist.account }),
          d.collection,
          "EditionPaused",
          [d.ids.eth, false],
        );
        await mintOne(d, d.ids.eth);
        assert.deepEqual(await d.collection.read.edition([d.ids.eth]), {
          config: d.configs.eth,
          minted: 1,
          paused: false,
        });
      });

      it("pausing one edition leaves the others on sale", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        await d.collection.write.setPaused([d.ids.eth, true], { account: d.artist.account });
        await mintOne(d, d.ids.usdc);
        await mintOne(d, d.ids.free);
        assert.equal((await d.collection.read.edition([d.ids.usdc])).minted, 1);
      });
    });

    describe("setMinter", function () {
      it("allows and removes a minter with MinterSet; only the artist; never the zero address", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const relayer = getAddress(d.relayer.account.address);
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.setMinter([relayer, true], { account: d.relayer.account }),
          d.collection,
          "DropCollection_NotArtist",
          [relayer],
        );
        await viem.assertions.revertWithCustomError(
          d.collection.write.setMinter([zeroAddress, true], { account: d.artist.account }),
          d.collection,
          "DropCollection_ZeroAddress",
        );
        await viem.assertions.emitWithArgs(
          d.collection.write.setMinter([relayer, true], { account: d.artist.account }),
          d.collection,
          "MinterSet",
          [relayer, true],
        );
        assert.equal(await d.collection.read.isMinter([relayer]), true);
        await viem.assertions.emitWithArgs(
          d.collection.write.setMinter([relayer, false], { account: d.artist.account }),
          d.collection,
          "MinterSet",
          [relayer, false],
        );
        assert.equal(await d.collection.read.isMinter([relayer]), false);
      });

      it("allows only the platform's minter (the factory's default minter); removes any (F-07)", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const carol = getAddress(d.carol.account.address);
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.setMinter([carol, true], { account: d.artist.account }),
          d.collection,
          "DropCollection_MinterNotPlatform",
          [carol],
        );
        await d.collection.write.setMinter([d.relayer.account.address, true], { account: d.artist.account });
        // The platform rotates its relayer: the new one can be allowed, the old one still removed.
        await d.dropFactory.write.setDefaultMinter([carol], { account: d.owner.account });
        await d.collection.write.setMinter([carol, true], { account: d.artist.account });
        await d.collection.write.setMinter([d.relayer.account.address, false], { account: d.artist.account });
        assert.equal(await d.collection.read.isMinter([carol]), true);
        assert.equal(await d.collection.read.isMinter([d.relayer.account.address]), false);
      });
    });

    describe("setRoyalty", function () {
      it("sets the ERC-2981 royalty of every edition with RoyaltySet, at most 25%, only the artist", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        const bob = getAddress(d.bob.account.address);
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.setRoyalty([bob, 100n], { account: d.bob.account }),
          d.collection,
          "DropCollection_NotArtist",
          [bob],
        );
        await viem.assertions.revertWithCustomErrorWithArgs(
          d.collection.write.setRoyalty([bob, 2501n], { account: d.artist.account }),
          d.collection,
          "DropCollection_RoyaltyTooHigh",
          [2501n, 2500n],
        );
        await viem.assertions.revertWithCustomError(
          d.collection.write.setRoyalty([zeroAddress, 100n], { account: d.artist.account }),
          d.collection,
          "DropCollection_ZeroAddress",
        );
        assert.deepEqual(await d.collection.read.royaltyInfo([1n, 10_000n]), [getAddress(d.payout), 750n]);
        await viem.assertions.emitWithArgs(
          d.collection.write.setRoyalty([bob, 2500n], { account: d.artist.account }),
          d.collection,
          "RoyaltySet",
          [bob, 2500n],
        );
        for (const id of [1n, 2n, 3n, 4n, 1000n]) {
          assert.deepEqual(await d.collection.read.royaltyInfo([id, 1_000_000n]), [bob, 250_000n]);
        }
        await d.collection.write.setRoyalty([bob, 0n], { account: d.artist.account });
        assert.deepEqual(await d.collection.read.royaltyInfo([1n, 1_000_000n]), [bob, 0n]);
      });

      it("supports the ERC-1155, ERC-1155 metadata, ERC-2981 and ERC-165 interfaces", async function () {
        const d = await networkHelpers.loadFixture(fixture);
        for (const id of ["0xd9b67a26", "0x0e89341c", "0x2a55205a", "0x01ffc9a7"] as const) {
          assert.equal(await d.collection.read.supportsInterface([id]), true, id);
        }
        assert.equal(await d.collection.read.supportsInterface(["0xffffffff"]), false);
      });
    });
  });
});
