// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IIncomeVault} from "../revenue/IIncomeVault.sol";

/// @title IRoyaltyShares
/// @notice Fan-owned royalty shares of one song: a fixed supply of whole shares (an ERC-20 with 0
///         decimals) that is also the vault of their income. The artist names the vault as a recipient of
///         the song's split at the percentage it chooses; what reaches the vault is shared pro rata by the
///         holders ({IIncomeVault}), settled on every transfer (which first takes in income pending in the
///         vault's Ledger balance), so a seller keeps what its shares earned before and a buyer earns only
///         what arrives after.
/// @dev The supply is minted to the artist. A primary offering sells part of it from the artist's balance
///      (reserved while the offering runs) at a fixed price in ETH or an ERC-20; proceeds are paid through
///      the Ledger (platform fee, referral, rest to the artist's payout split). Unsold shares stay with
///      the artist.
interface IRoyaltyShares is IIncomeVault, IERC20Metadata {
    /// @notice The primary offering, fixed at creation.
    struct Offering {
        /// @dev address(0) for ETH, else an ERC-20 the buyer approves to the Ledger.
        address currency;
        /// @dev Price of one share.
        uint96 price;
        /// @dev Shares for sale (0: no offering).
        uint64 amount;
        /// @dev Most shares one wallet may buy (0: no cap).
        uint64 walletCap;
        /// @dev Opens (0 at creation: now).
        uint32 start;
        /// @dev Closes, exclusive (0: until sold out or ended by the artist).
        uint32 end;
    }

    /// @notice The song the shares are of: a drop edition, or zero when it has none yet.
    struct Song {
        address collection;
        uint256 tokenId;
    }

    /// @notice The offering is not open: it opens at `start` and closes at `end` (0: never), or it ended.
    error Shares_OfferingClosed(uint256 start, uint256 end);
    /// @notice Fewer shares are left in the offering than requested.
    error Shares_SoldOut(uint256 requested, uint256 remaining);
    /// @notice The buyer would exceed the per-wallet cap.
    error Shares_WalletCap(address buyer, uint256 cap, uint256 bought, uint256 requested);
    /// @notice ETH sent does not equal the price of the shares (or ETH was sent for an ERC-20 offering).
    error Shares_WrongPayment(uint256 sent, uint256 cost);
    /// @notice The price of one share is above the most the buyer accepts.
    error Shares_PriceAboveMax(uint256 price, uint256 maxPrice);
    /// @notice The caller is not the artist.
    error Shares_NotArtist(address caller);
    /// @notice The artist's shares still on offer cannot be transferred until the offering ends.
    error Shares_Reserved(uint256 reserved, uint256 balance, uint256 amount);
    /// @notice The amount is zero.
    error Shares_ZeroAmount();

    /// @notice `buyer` bought `amount` shares for `cost` in the offering's currency.
    event SharesBought(address indexed buyer, uint256 amount, uint256 cost, address affiliate);
    /// @notice The artist ended the offering; `unsold` shares stay with it.
    event OfferingEnded(uint256 unsold);

    /// @notice The artist: holds the supply, receives the offering's proceeds (through its payout split).
    function ARTIST() external view returns (address);
    /// @notice The offering's terms.
    function offering() external view returns (Offering memory);
    /// @notice The song.
    function song() external view returns (Song memory);
    /// @notice Shares still for sale: zero once sold out, ended or closed.
    function offeringRemaining() external view returns (uint256);
    /// @notice Shares `buyer` bought in the offering.
    function boughtBy(address buyer) external view returns (uint256);

    /// @notice Buys `amount` shares in the offering: ETH (exactly the cost) or the offering's ERC-20,
    ///         pulled through the Ledger. `affiliate` (or zero) shared the link and earns the affiliate share
    ///         of the platform fee. `maxPrice` is the most the buyer accepts per share (the price it was
    ///         shown): a higher price reverts with `Shares_PriceAboveMax`.
    function buy(uint256 amount, address affiliate, uint256 maxPrice) external payable;
    /// @notice Artist: ends the offering now; unsold shares are free to move.
    function endOffering() external;
}
