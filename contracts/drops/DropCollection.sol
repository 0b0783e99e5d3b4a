// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {ERC2981} from "@openzeppelin/contracts/token/common/ERC2981.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {ERC1155Utils} from "@openzeppelin/contracts/token/ERC1155/utils/ERC1155Utils.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Multicall} from "@openzeppelin/contracts/utils/Multicall.sol";
import {IDropCollection} from "./IDropCollection.sol";
import {IDropFactory} from "./IDropFactory.sol";
import {EditionBalances} from "./EditionBalances.sol";
import {IPayments} from "../ledger/IPayments.sol";
import {Sources} from "../libraries/Sources.sol";
import {Constants} from "../libraries/Constants.sol";
import {Currency} from "../libraries/Currency.sol";

/// @title DropCollection
/// @notice One artist's editions and their sales. See {IDropCollection}.
/// @dev Deployed once as the implementation of every artist's clone (see {DropFactory}); the artist is a
///      clone argument, read from the clone's own code. Ledger and factory are immutables of the
///      implementation, so a mint reads no storage for them. {Multicall} delegatecalls the clone itself, so
///      every batched call keeps the caller's `msg.sender` and its checks (minter, artist); it is not
///      payable, so no call of a batch can reuse a `msg.value`.
contract DropCollection is IDropCollection, EditionBalances, ERC2981, Initializable, Multicall {
    using Currency for address;

    /// @notice Royalties are capped at 25%.
    uint96 public constant MAX_ROYALTY_BPS = Constants.MAX_ROYALTY_BPS;

    IPayments public immutable LEDGER;
    IDropFactory public immutable FACTORY;

    /// @dev One edition. A public ETH mint reads and writes only `terms`; an ERC-20 mint also reads
    ///      `currency`; the presale fields are read only by presale mints.
    struct Stored {
        Terms terms;
        address currency;
        Presale presale;
        bytes32 presaleRoot;
        bytes32 metadataHash;
    }

    /// @dev One storage word. `start` is never zero for an edition that exists (creation stores "now").
    struct Terms {
        uint96 price;
        uint32 maxSupply;
        uint32 minted;
        uint32 start;
        uint32 end;
        uint16 walletCap;
        bool paused;
        bool erc20;
    }

    struct Presale {
        uint96 price;
        uint32 start;
        uint32 cap;
    }

    /// @inheritdoc IDropCollection
    string public name;
    /// @inheritdoc IDropCollection
    uint256 public editionCount;

    mapping(uint256 id => Stored) internal _editions;
    mapping(uint256 id => string) internal _uris;
    mapping(address account => bool) internal _minters;
    mapping(bytes32 orderId => bool) internal _orders;

    modifier onlyArtist() {
        if (msg.sender != artist()) revert DropCollection_NotArtist(msg.sender);
        _;
    }

    constructor(IPayments ledger, IDropFactory factory) ERC1155("") {
        LEDGER = ledger;
        FACTORY = factory;
        _disableInitializers();
    }

    /// @notice Factory only, once: names the collection, sets its royalty and its first minter.
    function initialize(
        string calldata name_,
        address royaltyReceiver,
        uint96 royaltyBps,
        address minter
    ) external initializer {
        name = name_;
        _setRoyaltyChecked(royaltyReceiver, royaltyBps);
        if (minter != address(0)) {
            _minters[minter] = true;
            emit MinterSet(minter, true);
        }
    }

    // ---------------------------------------------------------------- sales

    /// @inheritdoc IDropCollection
    function mint(address to, uint256 id, uint256 quantity, address affiliate, uint256 maxPrice) external payable {
        Stored storage e = _editions[id];
        Terms memory t = e.terms;
        _checkOpen(id, t);
        // F-01: the price is read from the word already loaded, so the buyer's limit costs one comparison.
        if (t.price > maxPrice) revert DropCollection_PriceAboveMax(id, t.price, maxPrice);
        if (block.timestamp < t.start) revert DropCollection_SaleNotStarted(id, t.start);
        if (t.end != 0 && block.timestamp >= t.end) revert DropCollection_SaleEnded(id, t.end);
        _takeSupply(e, t, id, quantity);
        address currency = t.erc20 ? e.currency : Constants.ETH;
        _collect(currency, uint256(t.price) * quantity, id, affiliate, Sources.MINT);
        _mintCounted(to, id, quantity, PUBLIC_SHIFT, t.walletCap);
    }

    /// @inheritdoc IDropCollection
    function mintAllowlisted(
        address to,
        uint256 id,
        uint256 quantity,
        bytes32[] calldata proof,
        address affiliate,
        uint256 maxPrice
    ) external payable {
        Stored storage e = _editions[id];
        Terms memory t = e.terms;
        _checkOpen(id, t);
        Presale memory pre = e.presale;
        if (pre.price > maxPrice) revert DropCollection_PriceAboveMax(id, pre.price, maxPrice);
        bytes32 root = e.presaleRoot;
        if (root == 0 || block.timestamp < pre.start || block.timestamp >= t.start) {
            revert DropCollection_PresaleNotActive(id);
        }
        // OpenZeppelin StandardMerkleTree leaf of [address]: double-hashed against second-preimage attacks.
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(to))));
        if (!MerkleProof.verifyCalldata(proof, root, leaf)) revert DropCollection_NotAllowlisted(id, to);
        _takeSupply(e, t, id, quantity);
        address currency = t.erc20 ? e.currency : Constants.ETH;
        _collect(currency, uint256(pre.price) * quantity, id, affiliate, Sources.PRESALE);
        _mintCounted(to, id, quantity, PRESALE_SHIFT, pre.cap);
    }

    /// @inheritdoc IDropCollection
    function mintPaid(address to, uint256 id, uint256 quantity, bytes32 orderId) external {
        if (!_minters[msg.sender]) revert DropCollection_NotMinter(msg.sender);
        if (_orders[orderId]) revert DropCollection_OrderAlreadyMinted(orderId);
        _orders[orderId] = true;
        Stored storage e = _editions[id];
        Terms memory t = e.terms;
        if (t.start == 0) revert DropCollection_UnknownEdition(id);
        _takeSupply(e, t, id, quantity);
        emit OrderMinted(orderId, to, id, quantity);
        _mintCounted(to, id, quantity, PUBLIC_SHIFT, 0);
    }

    // ---------------------------------------------------------------- artist

    /// @inheritdoc IDropCollection
    function createEdition(
        EditionConfig calldata config,
        string calldata uri_
    ) external onlyArtist returns (uint256 id) {
        EditionConfig memory c = config;
        if (c.start == 0) c.start = uint32(block.timestamp);
        _validate(c);
        id = ++editionCount;
        _store(_editions[id], c, 0, false);
        if (bytes(uri_).length != 0) _uris[id] = uri_;
        emit EditionCreated(id, c, uri_);
    }

    /// @inheritdoc IDropCollection
    function updateEdition(uint256 id, EditionConfig calldata config) external onlyArtist {
        Stored storage e = _editions[id];
        Terms memory t = e.terms;
        if (t.start == 0) revert DropCollection_UnknownEdition(id);
        EditionConfig memory old = _config(e);
        EditionConfig memory c = config;
        // As at creation, start 0 means now (an edition's stored start is never 0: 0 marks "no edition").
        if (c.start == 0) c.start = uint32(block.timestamp);
        if (t.minted != 0 && (c.currency != old.currency || c.metadataHash != old.metadataHash)) {
            revert DropCollection_Locked(id);
        }
        bool shrinksOrCloses = old.maxSupply == 0 ? true : (c.maxSupply != 0 && c.maxSupply <= old.maxSupply);
        if (!shrinksOrCloses || (c.maxSupply != 0 && c.maxSupply < t.minted)) {
            revert DropCollection_InvalidSupply(id, old.maxSupply, c.maxSupply, t.minted);
        }
        if (block.timestamp >= old.start) {
            bool endsLater = old.end != 0 && (c.end == 0 || c.end > old.end);
            if (c.start != old.start || endsLater) revert DropCollection_SaleRunning(id);
        }
        _validate(c);
        _store(e, c, t.minted, t.paused);
        emit EditionUpdated(id, c);
    }

    /// @inheritdoc IDropCollection
    function setPaused(uint256 id, bool paused) external onlyArtist {
        Stored storage e = _editions[id];
        if (e.terms.start == 0) revert DropCollection_UnknownEdition(id);
        e.terms.paused = paused;
        emit EditionPaused(id, paused);
    }

    /// @inheritdoc IDropCollection
    function setMinter(address minter, bool allowed) external onlyArtist {
        if (minter == address(0)) revert DropCollection_ZeroAddress();
        // F-07: a minter mints without payment or window; only the platform's relayer may be one. Removing
        // is always allowed, so an artist can stop card sales.
        if (allowed && minter != FACTORY.defaultMinter()) revert DropCollection_MinterNotPlatform(minter);
        _minters[minter] = allowed;
        emit MinterSet(minter, allowed);
    }

    /// @inheritdoc IDropCollection
    function setRoyalty(address receiver, uint96 bps) external onlyArtist {
        _setRoyaltyChecked(receiver, bps);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IDropCollection
    function artist() public view returns (address a) {
        // The clone's immutable argument: 20 bytes after the 45-byte ERC-1167 code (see OpenZeppelin
        // Clones.fetchCloneArgs), copied without allocating.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            extcodecopy(address(), 0, 0x2d, 0x14)
            a := shr(96, mload(0))
        }
    }

    /// @inheritdoc IDropCollection
    function edition(uint256 id) external view returns (Edition memory ed) {
        Stored storage e = _editions[id];
        if (e.terms.start == 0) revert DropCollection_UnknownEdition(id);
        ed.config = _config(e);
        ed.minted = e.terms.minted;
        ed.paused = e.terms.paused;
    }

    /// @inheritdoc IDropCollection
    function mintedBy(uint256 id, address wallet) external view returns (uint256 publicMinted, uint256 presaleMinted) {
        uint256 word = _packed[id][wallet];
        publicMinted = uint64(word >> PUBLIC_SHIFT);
        presaleMinted = uint64(word >> PRESALE_SHIFT);
    }

    /// @inheritdoc IDropCollection
    function orderMinted(bytes32 orderId) external view returns (bool) {
        return _orders[orderId];
    }

    /// @inheritdoc IDropCollection
    function isMinter(address account) external view returns (bool) {
        return _minters[account];
    }

    /// @notice The edition's metadata URL: its own URI, or the factory's base followed by its hash in hex.
    function uri(uint256 id) public view override returns (string memory) {
        Stored storage e = _editions[id];
        if (e.terms.start == 0) revert DropCollection_UnknownEdition(id);
        string memory own = _uris[id];
        if (bytes(own).length != 0) return own;
        return string.concat(FACTORY.metadataBaseURI(), _hex(e.metadataHash));
    }

    /// @inheritdoc ERC1155
    function supportsInterface(bytes4 interfaceId) public view override(ERC1155, ERC2981) returns (bool) {
        return ERC1155.supportsInterface(interfaceId) || ERC2981.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------- internals

    function _checkOpen(uint256 id, Terms memory t) internal pure {
        if (t.start == 0) revert DropCollection_UnknownEdition(id);
        if (t.paused) revert DropCollection_SalePaused(id);
    }

    /// @dev Adds `quantity` to the edition's minted count within its supply (2^32 - 1 for open editions).
    function _takeSupply(Stored storage e, Terms memory t, uint256 id, uint256 quantity) internal {
        if (quantity == 0) revert DropCollection_ZeroQuantity();
        uint256 max = t.maxSupply == 0 ? type(uint32).max : t.maxSupply;
        uint256 remaining = max - t.minted;
        if (quantity > remaining) revert DropCollection_SoldOut(id, quantity, remaining);
        t.minted += uint32(quantity);
        e.terms = t;
    }

    /// @dev Mints with the balance and the wallet's mint count in one storage write (see {EditionBalances}),
    ///      then the ERC-1155 event and acceptance check, as OpenZeppelin's `_mint` does. `cap` 0: no cap.
    function _mintCounted(address to, uint256 id, uint256 quantity, uint256 shift, uint256 cap) internal {
        if (to == address(0)) revert ERC1155InvalidReceiver(address(0));
        uint256 word = _packed[id][to];
        uint256 already = uint64(word >> shift);
        if (cap != 0 && already + quantity > cap) revert DropCollection_WalletCapExceeded(id, to, cap, already);
        _packed[id][to] = word + quantity + (quantity << shift);
        emit TransferSingle(msg.sender, address(0), to, id, quantity);
        ERC1155Utils.checkOnERC1155Received(msg.sender, address(0), to, id, quantity, "");
    }

    /// @dev Takes exactly `total` from the caller into the Ledger, which credits fee, referral, affiliate
    ///      and the artist's net. A free edition takes nothing.
    function _collect(address currency, uint256 total, uint256 id, address affiliate, bytes32 source) internal {
        uint256 expectedValue = currency.valueFor(total);
        if (msg.value != expectedValue) revert DropCollection_WrongPayment(expectedValue, msg.value);
        if (total == 0) return;
        LEDGER.pay{value: msg.value}(
            IPayments.Payment({
                payer: msg.sender,
                token: currency,
                amount: total,
                artist: artist(),
                kind: Constants.KIND_PRIMARY,
                affiliate: affiliate,
                source: source,
                ref: id
            })
        );
    }

    function _validate(EditionConfig memory c) internal pure {
        if (c.end != 0 && c.end <= c.start) revert DropCollection_InvalidWindow();
        if (c.presaleRoot != 0 && c.presaleStart >= c.start) revert DropCollection_InvalidWindow();
    }

    function _store(Stored storage e, EditionConfig memory c, uint32 minted, bool paused) internal {
        bool erc20 = !c.currency.isEth();
        e.terms = Terms({
            price: c.price,
            maxSupply: c.maxSupply,
            minted: minted,
            start: c.start,
            end: c.end,
            walletCap: c.walletCap,
            paused: paused,
            erc20: erc20
        });
        // Words that stay zero are not written (an edition without a presale costs three words).
        if (erc20 || !e.currency.isEth()) e.currency = c.currency;
        Presale memory pre = Presale({price: c.presalePrice, start: c.presaleStart, cap: c.presaleCap});
        Presale memory old = e.presale;
        if (pre.price != old.price || pre.start != old.start || pre.cap != old.cap) e.presale = pre;
        if (e.presaleRoot != c.presaleRoot) e.presaleRoot = c.presaleRoot;
        e.metadataHash = c.metadataHash;
    }

    function _config(Stored storage e) internal view returns (EditionConfig memory c) {
        Terms memory t = e.terms;
        Presale memory pre = e.presale;
        c = EditionConfig({
            currency: t.erc20 ? e.currency : Constants.ETH,
            price: t.price,
            maxSupply: t.maxSupply,
            walletCap: t.walletCap,
            start: t.start,
            end: t.end,
            presaleStart: pre.start,
            presaleCap: pre.cap,
            presalePrice: pre.price,
            presaleRoot: e.presaleRoot,
            metadataHash: e.metadataHash
        });
    }

    function _setRoyaltyChecked(address receiver, uint96 bps) internal {
        if (receiver == address(0)) revert DropCollection_ZeroAddress();
        if (bps > MAX_ROYALTY_BPS) revert DropCollection_RoyaltyTooHigh(bps, MAX_ROYALTY_BPS);
        _setDefaultRoyalty(receiver, bps);
        emit RoyaltySet(receiver, bps);
    }

    /// @dev 64 lowercase hex digits, no prefix (the metadata id the web app serves).
    function _hex(bytes32 value) internal pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        bytes memory out = new bytes(64);
        for (uint256 i; i < 32; ++i) {
            uint8 b = uint8(value[i]);
            out[2 * i] = digits[b >> 4];
            out[2 * i + 1] = digits[b & 0x0f];
        }
        return string(out);
    }
}
