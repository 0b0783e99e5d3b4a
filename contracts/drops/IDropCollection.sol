// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IDropCollection
/// @notice One artist's ERC-1155 collection: every token id is an edition (a track, an album, a ticket
///         tier) with its own sale. A mint takes exact payment through the Ledger, where the FeeRouter's
///         rules credit the platform fee, the referrer's and affiliate's parts of it, and the artist's net
///         (to the artist's Split). A minter (the card checkout's relayer) mints paid fiat orders, each
///         order id once, and may mint many in one transaction through the collection's `multicall`
///         (OpenZeppelin {Multicall}: `multicall(bytes[] data)` runs each call as the caller). Any failing
///         call reverts the whole batch, so no order id of a failed batch is consumed.
/// @dev Fans can trust a running sale: the supply of an edition can only shrink, the currency and the
///      metadata are fixed after the first mint, a started sale keeps its start and can only end earlier,
///      and every change emits {EditionUpdated} with the whole new config. A repricing never reaches a buyer
///      beyond the per-token `maxPrice` it signed ({mint}, {mintAllowlisted}), and only the platform's minter
///      mints without payment ({setMinter}).
interface IDropCollection {
    /// @notice Everything that defines an edition's sale. Times are unix seconds.
    struct EditionConfig {
        /// @dev address(0) for ETH, else an ERC-20 the buyer approves to the Ledger.
        address currency;
        /// @dev Public price of one token.
        uint96 price;
        /// @dev Most tokens that can ever exist; 0 for an open edition.
        uint32 maxSupply;
        /// @dev Most public-sale tokens one wallet can receive; 0 for no cap.
        uint16 walletCap;
        /// @dev The public sale opens (0 at creation: now).
        uint32 start;
        /// @dev The public sale closes (exclusive); 0 for never.
        uint32 end;
        /// @dev The allowlist presale runs from here until `start`. Ignored without a presale root.
        uint32 presaleStart;
        /// @dev Most presale tokens one allowlisted wallet can receive; 0 for no cap.
        uint32 presaleCap;
        /// @dev Presale price of one token, in `currency`.
        uint96 presalePrice;
        /// @dev Merkle root of the allowlist: an OpenZeppelin StandardMerkleTree of `[address]` leaves.
        ///      Zero for no presale.
        bytes32 presaleRoot;
        /// @dev sha256 of the edition's metadata JSON: the token URI is the factory's metadata base URI
        ///      followed by its hex, unless the edition was created with a URI of its own.
        bytes32 metadataHash;
    }

    /// @notice An edition as stored: its config, how many exist, whether its sale is paused.
    struct Edition {
        EditionConfig config;
        uint32 minted;
        bool paused;
    }

    /// @notice The caller is not the collection's artist.
    error DropCollection_NotArtist(address caller);
    /// @notice The caller is not an allowed minter.
    error DropCollection_NotMinter(address caller);
    /// @notice No edition has this id.
    error DropCollection_UnknownEdition(uint256 id);
    /// @notice Quantity zero.
    error DropCollection_ZeroQuantity();
    /// @notice A zero address where one is required.
    error DropCollection_ZeroAddress();
    /// @notice The artist paused the edition's sale.
    error DropCollection_SalePaused(uint256 id);
    /// @notice The public sale opens at `start`.
    error DropCollection_SaleNotStarted(uint256 id, uint32 start);
    /// @notice The public sale closed at `end`.
    error DropCollection_SaleEnded(uint256 id, uint32 end);
    /// @notice The presale is not running (no allowlist, not yet open, or the public sale began).
    error DropCollection_PresaleNotActive(uint256 id);
    /// @notice Only `remaining` tokens are left.
    error DropCollection_SoldOut(uint256 id, uint256 requested, uint256 remaining);
    /// @notice The wallet would receive more than the cap allows.
    error DropCollection_WalletCapExceeded(uint256 id, address wallet, uint256 cap, uint256 alreadyMinted);
    /// @notice The payment is not the exact price.
    error DropCollection_WrongPayment(uint256 expected, uint256 sent);
    /// @notice The proof does not put `wallet` on the edition's allowlist.
    error DropCollection_NotAllowlisted(uint256 id, address wallet);
    /// @notice This fiat order was already minted.
    error DropCollection_OrderAlreadyMinted(bytes32 orderId);
    /// @notice The royalty is above 25%.
    error DropCollection_RoyaltyTooHigh(uint96 bps, uint96 cap);
    /// @notice The sale window is invalid (end not after start, or presale not before start).
    error DropCollection_InvalidWindow();
    /// @notice Supply can only shrink, and never below what was minted.
    error DropCollection_InvalidSupply(uint256 id, uint32 current, uint32 requested, uint32 minted);
    /// @notice The currency or the metadata cannot change once a token was minted.
    error DropCollection_Locked(uint256 id);
    /// @notice A started sale keeps its start and can only end earlier.
    error DropCollection_SaleRunning(uint256 id);
    /// @notice The edition's unit `price` (public or presale) is above the most the buyer accepts per token.
    error DropCollection_PriceAboveMax(uint256 id, uint256 price, uint256 maxPrice);
    /// @notice Only the minter the platform names (the factory's default minter) can be allowed.
    error DropCollection_MinterNotPlatform(address minter);

    /// @notice A new edition, with its whole config and its own URI (empty: the factory's base URI).
    event EditionCreated(uint256 indexed id, EditionConfig config, string uri);
    /// @notice The artist changed an edition; `config` is the whole new config.
    event EditionUpdated(uint256 indexed id, EditionConfig config);
    /// @notice The artist paused or resumed an edition's sale.
    event EditionPaused(uint256 indexed id, bool paused);
    /// @notice A minter minted a paid fiat order.
    event OrderMinted(bytes32 indexed orderId, address indexed to, uint256 indexed id, uint256 quantity);
    /// @notice A minter was allowed or removed.
    event MinterSet(address indexed minter, bool allowed);
    /// @notice The ERC-2981 royalty of every edition changed.
    event RoyaltySet(address receiver, uint96 bps);

    /// @notice The artist who owns the collection.
    function artist() external view returns (address);

    /// @notice The collection's display name.
    function name() external view returns (string memory);

    /// @notice The number of editions; ids run from 1 to this.
    function editionCount() external view returns (uint256);

    /// @notice An edition's config and state.
    function edition(uint256 id) external view returns (Edition memory);

    /// @notice Public-sale and presale tokens `wallet` has received from edition `id`.
    function mintedBy(uint256 id, address wallet) external view returns (uint256 publicMinted, uint256 presaleMinted);

    /// @notice Whether a fiat order id was minted.
    function orderMinted(bytes32 orderId) external view returns (bool);

    /// @notice Whether `account` may call {mintPaid}.
    function isMinter(address account) external view returns (bool);

    /// @notice Artist: creates an edition; `uri` may be empty (see {EditionConfig-metadataHash}).
    /// @return id The new edition's token id.
    function createEdition(EditionConfig calldata config, string calldata uri) external returns (uint256 id);

    /// @notice Artist: changes an edition within the rules fans can trust (see the contract notes).
    function updateEdition(uint256 id, EditionConfig calldata config) external;

    /// @notice Artist: pauses or resumes an edition's sale.
    function setPaused(uint256 id, bool paused) external;

    /// @notice Artist: allows or removes a minter for fiat orders. Only the platform's minter (the factory's
    ///         current {IDropFactory-defaultMinter}, the card checkout's relayer) can be allowed; any minter
    ///         can be removed.
    /// @dev A minter mints without payment, outside the sale window and while paused (see {mintPaid}): a
    ///      minter of the artist's own choosing would mint for free after a sale ended, breaking the promise
    ///      that a started sale can only end earlier, and report off-platform sales as card orders.
    function setMinter(address minter, bool allowed) external;

    /// @notice Artist: sets the ERC-2981 royalty of every edition (at most 25%, normally to its Split).
    function setRoyalty(address receiver, uint96 bps) external;

    /// @notice Public sale: mints `quantity` of edition `id` to `to` for exactly `price * quantity` (ETH as
    ///         msg.value; an ERC-20 pulled by the Ledger from the caller). `affiliate` (or zero) is who
    ///         shared the link; it earns part of the platform fee, never of the artist's share.
    /// @dev The artist may change the price of a running sale, and fans approve the Ledger once for every
    ///      drop: `maxPrice` is the most the caller accepts per token (the unit price it was shown), so a
    ///      repricing that lands first reverts with {DropCollection_PriceAboveMax} instead of charging
    ///      more. A price at or below `maxPrice` is charged as stored (a price cut never hurts the buyer).
    /// @param maxPrice Most the caller pays per token, in the edition's currency (not the total).
    function mint(address to, uint256 id, uint256 quantity, address affiliate, uint256 maxPrice) external payable;

    /// @notice Presale: like {mint} at the presale price, for a `to` on the allowlist (`proof` from the
    ///         edition's Merkle tree), within the presale cap.
    /// @param maxPrice Most the caller pays per token: the presale price it was shown (see {mint}).
    function mintAllowlisted(
        address to,
        uint256 id,
        uint256 quantity,
        bytes32[] calldata proof,
        address affiliate,
        uint256 maxPrice
    ) external payable;

    /// @notice Minter: mints a fiat order paid off-chain. Each `orderId` mints once; the supply still
    ///         holds. The sale window and the wallet cap were checked at checkout, so they are not checked
    ///         again (a paid order is never refused), but the quantity counts toward the wallet's cap.
    ///         Batch many orders with `multicall` (see the contract notes): all or none are minted.
    function mintPaid(address to, uint256 id, uint256 quantity, bytes32 orderId) external;
}
