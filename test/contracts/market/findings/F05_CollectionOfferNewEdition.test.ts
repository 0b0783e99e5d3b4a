/**
 * F-05 (medium): a collection offer ("any token of a collection") accepted an edition the artist created
 * after the offer, at price 0. A collection offer now names the highest token id it accepts (`tokenId`); the
 * web app sets it to the newest edition when the offer is made. Shown failing on the code before the fix.
 */
import assert from "node:assert/strict";
import { zeroAddress } from "viem";
import { fixture, networkHelpers, offer, offerIdOf, viem, ERC1155 } from "../fixture.ts";
import { editionConfig } from "../../drops/fixture.ts";

describe("F-05 regression: a collection offer covers only the tokens it names", function () {
  it("a new free edition cannot fill an older collection offer; an existing edition can", async function () {
    const m = await networkHelpers.loadFixture(fixture);
    const newest = await m.collection.read.editionCount();
    const o = offer(m, { collection: m.collection.address, anyToken: true, tokenId: newest, standard: ERC1155 });
    await m.market.write.makeOffer([o], { account: m.bob.account });
    // The artist creates a free edition after the offer, mints one to itself and sells it to the offer.
    await m.collection.write.createEdition([editionConfig(), ""], { account: m.artist.account });
    const fresh = newest + 1n;
    await m.collection.write.mint([m.artist.account.address, fresh, 1n, zeroAddress, 0n], {
      account: m.artist.account,
    });
    await m.collection.write.setApprovalForAll([m.market.address, true], { account: m.artist.account });
    await viem.assertions.revertWithCustomErrorWithArgs(
      m.market.write.acceptOffer([o, fresh, 1n], { account: m.artist.account }),
      m.market,
      "Market_WrongToken",
      [fresh],
    );
    assert.equal(await m.market.read.offerRemaining([offerIdOf(o)]), 1n, "the offer is intact");
    // An edition that existed when the offer was made fills it.
    await m.market.write.acceptOffer([o, 2n, 1n], { account: m.alice.account });
    assert.equal(await m.market.read.offerRemaining([offerIdOf(o)]), 0n);
  });
});
