// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

// Test names follow STYLE.md (test_<fn>_<case>, testFuzz_..., invariant_...).
// solhint-disable func-name-mixedcase

import {DropsFixture} from "../drops/DropsFixture.sol";
import {Allowlist} from "../drops/Allowlist.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IDropCollection} from "../../../contracts/drops/IDropCollection.sol";

/// @title F-01 (issue 14, high): an ERC-20 drop price can be raised in front of a buyer
/// @notice Regression tests, named `test_F01_` (`--grep F01`). They FAIL on the code where the finding was
///         made (the mint took whatever price was stored) and pass once every paid mint takes the most the
///         buyer accepts per token (`maxPrice`) and refuses a higher stored price by name.
///
/// Bug: fans approve the Ledger once for every drop (a large or unlimited USDC allowance). `mint` and
///      `mintAllowlisted` charged `price * quantity` with the price read from storage at execution, and
///      the artist may reprice a running sale (`updateEdition`). A fan who sent a mint seeing 10 USDC
///      paid 1,000 USDC when the artist's repricing landed first. ETH buyers were protected only by the
///      exact `msg.value`; ERC-20 buyers not at all.
/// Fix: `mint(to, id, quantity, affiliate, maxPrice)` and `mintAllowlisted(..., affiliate, maxPrice)`
///      revert with `DropCollection_PriceAboveMax(id, price, maxPrice)` when the stored unit price is
///      above `maxPrice`. The calls are made through their selectors so that this file compiles, and
///      fails, on the code before the fix.
contract F01ERC20RepriceTest is DropsFixture {
    uint96 internal constant SEEN = 10e6; // 10 USDC: the price the fan saw
    uint96 internal constant RAISED = 1_000e6; // the artist's new price

    bytes4 internal constant MINT_OLD = bytes4(keccak256("mint(address,uint256,uint256,address)"));
    bytes4 internal constant MINT = bytes4(keccak256("mint(address,uint256,uint256,address,uint256)"));
    bytes4 internal constant PRESALE_OLD = bytes4(
        keccak256("mintAllowlisted(address,uint256,uint256,bytes32[],address)")
    );
    bytes4 internal constant PRESALE = bytes4(
        keccak256("mintAllowlisted(address,uint256,uint256,bytes32[],address,uint256)")
    );
    bytes4 internal constant PRICE_ABOVE_MAX = bytes4(
        keccak256("DropCollection_PriceAboveMax(uint256,uint256,uint256)")
    );

    address internal artist;
    address internal fan;
    DropCollection internal collection;
    address[] internal list;

    function setUp() public {
        deployDrops();
        artist = makeAddr("artist");
        fan = makeAddr("fan");
        collection = newCollection(artist, "singer", address(0), "");
        usdc.mint(fan, RAISED);
        vm.prank(fan);
        usdc.approve(address(ledger), RAISED); // one approval for every drop
        list.push(fan);
        list.push(makeAddr("other"));
    }

    /// @notice The finding's case: approve 1,000 USDC, the artist reprices 10 -> 1,000, the mint sent at
    ///         10 reverts by name and takes nothing.
    function test_F01_mint_repricedAboveMax_revertsByName() public {
        IDropCollection.EditionConfig memory c = saleConfig(address(usdc), SEEN, 0, 0);
        uint256 id = _create(c);
        c.price = RAISED;
        _update(id, c);

        (bool ok, bytes memory reason) = _mint(abi.encodeWithSelector(MINT, fan, id, 1, address(0), SEEN));
        assertFalse(ok, "a mint sent at 10 USDC must not pass at 1,000 USDC");
        assertEq(keccak256(reason), keccak256(_priceAboveMax(id, RAISED, SEEN)), "PriceAboveMax(id, 1000, 10)");
        assertEq(usdc.balanceOf(fan), RAISED, "the fan keeps its 1,000 USDC");
        assertEq(collection.balanceOf(fan, id), 0, "nothing minted");
    }

    /// @notice The entry point without a limit is gone: a fan's approval can no longer be drained by a
    ///         repricing. Before the fix this call charged the fan 1,000 USDC.
    function test_F01_mint_withoutMax_chargesNothing() public {
        IDropCollection.EditionConfig memory c = saleConfig(address(usdc), SEEN, 0, 0);
        uint256 id = _create(c);
        c.price = RAISED;
        _update(id, c);

        _mint(abi.encodeWithSelector(MINT_OLD, fan, id, 1, address(0)));
        assertEq(usdc.balanceOf(fan), RAISED, "the fan was charged the raised price");
    }

    /// @notice At or below the limit the mint goes through and charges the stored price.
    function test_F01_mint_atOrBelowMax_chargesStoredPrice() public {
        IDropCollection.EditionConfig memory c = saleConfig(address(usdc), SEEN, 0, 0);
        uint256 id = _create(c);
        c.price = SEEN / 2; // a price cut never hurts the buyer
        _update(id, c);

        (bool ok, ) = _mint(abi.encodeWithSelector(MINT, fan, id, 2, address(0), SEEN));
        assertTrue(ok, "a cheaper price is accepted");
        assertEq(usdc.balanceOf(fan), RAISED - SEEN, "2 x 5 USDC charged");
        assertEq(collection.balanceOf(fan, id), 2, "minted");
    }

    /// @notice The presale price is protected the same way.
    function test_F01_mintAllowlisted_repricedAboveMax_revertsByName() public {
        IDropCollection.EditionConfig memory c = _presaleConfig();
        uint256 id = _create(c);
        c.presalePrice = RAISED;
        _update(id, c);

        bytes32[] memory proof = Allowlist.proof(list, 0);
        (bool ok, bytes memory reason) = _mint(abi.encodeWithSelector(PRESALE, fan, id, 1, proof, address(0), SEEN));
        assertFalse(ok, "a presale mint sent at 10 USDC must not pass at 1,000 USDC");
        assertEq(keccak256(reason), keccak256(_priceAboveMax(id, RAISED, SEEN)), "PriceAboveMax(id, 1000, 10)");
        _mint(abi.encodeWithSelector(PRESALE_OLD, fan, id, 1, proof, address(0)));
        assertEq(usdc.balanceOf(fan), RAISED, "the fan keeps its 1,000 USDC");
    }

    /// @notice ETH buyers get the same named refusal (before the fix only the exact msg.value held them).
    function test_F01_mint_eth_repricedAboveMax_revertsByName() public {
        IDropCollection.EditionConfig memory c = saleConfig(ETH, 0.01 ether, 0, 0);
        uint256 id = _create(c);
        c.price = 1 ether;
        _update(id, c);

        vm.deal(fan, 1 ether);
        vm.prank(fan);
        (bool ok, bytes memory reason) = address(collection).call{value: 1 ether}(
            abi.encodeWithSelector(MINT, fan, id, 1, address(0), uint256(0.01 ether))
        );
        assertFalse(ok, "1 ether sent with a 0.01 ether limit is refused");
        assertEq(keccak256(reason), keccak256(_priceAboveMax(id, 1 ether, 0.01 ether)), "PriceAboveMax");
    }

    function _create(IDropCollection.EditionConfig memory c) internal returns (uint256 id) {
        vm.prank(artist);
        id = collection.createEdition(c, "");
    }

    function _update(uint256 id, IDropCollection.EditionConfig memory c) internal {
        c.start = collection.edition(id).config.start; // a running sale keeps its start
        vm.prank(artist);
        collection.updateEdition(id, c);
    }

    function _presaleConfig() internal view returns (IDropCollection.EditionConfig memory c) {
        c = saleConfig(address(usdc), 20e6, 0, 0);
        c.start = uint32(block.timestamp + 1 days);
        c.presaleStart = uint32(block.timestamp);
        c.presalePrice = SEEN;
        c.presaleRoot = Allowlist.root(list);
    }

    function _mint(bytes memory data) internal returns (bool ok, bytes memory reason) {
        vm.prank(fan);
        (ok, reason) = address(collection).call(data);
    }

    function _priceAboveMax(uint256 id, uint256 price, uint256 maxPrice) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(PRICE_ABOVE_MAX, id, price, maxPrice);
    }
}
