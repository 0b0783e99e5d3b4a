// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {Allowlist} from "./Allowlist.sol";
import {Ledger} from "../../../contracts/ledger/Ledger.sol";
import {ISplits} from "../../../contracts/splits/ISplits.sol";
import {DropCollection} from "../../../contracts/drops/DropCollection.sol";
import {IDropCollection} from "../../../contracts/drops/IDropCollection.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {RejectingERC1155Receiver} from "../../../contracts/mocks/RejectingERC1155Receiver.sol";
import {IERC1155Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";

/// @title DropsHandler
/// @notice Drives random sequences of drop actions by many actors over five editions in two collections (ETH
///         and 6-decimal USDC; capped and open; with and without presale; free): public mints, allowlist
///         presale mints (right, wrong and foreign proofs), fiat orders (order ids drawn from a small pool, so
///         replays happen), transfers, supply changes, pauses, time, withdrawals and split distributions.
///         Receivers include a contract that accepts ERC-1155 tokens, one that rejects them, and zero.
/// @dev Model-based: before every call the handler lists the rules the call breaks (from the documented
///      spec, not from the code); the call must succeed iff it breaks none, and a refusal must name one of
///      them. A success must move exactly the money and tokens it should, a refusal nothing. Calls never
///      revert out of the handler (failOnRevert): only a broken expectation does.
contract DropsHandler is Test {
    struct Ed {
        DropCollection c;
        uint256 id;
        address artist;
    }

    /// @dev The rules a call breaks: the selectors of the errors it may revert with.
    struct Expect {
        bytes4[10] sel;
        uint256 n;
    }

    /// @dev A before/after picture of the money and counters one call may touch.
    struct Snap {
        uint256 held;
        uint256 payerWallet;
        uint32 minted;
        uint256 pub;
        uint256 pre;
        uint256 balance;
    }

    address internal constant ETH = address(0);
    uint256 public constant ORDER_POOL = 48;

    Ledger public immutable LEDGER;
    ISplits public immutable SPLITS;
    TestToken public immutable USDC;
    address public immutable MINTER;
    address public immutable SPLIT;
    RejectingERC1155Receiver public immutable ACCEPTING;
    RejectingERC1155Receiver public immutable REJECTING;

    ISplits.SplitConfig internal _splitConfig;
    Ed[] internal _eds;
    address[] public actors;
    /// @notice Everyone who can ever hold tokens (actors and the two receiver contracts).
    address[] public holders;
    /// @notice The presale allowlist of editions 0 and 2.
    address[] public allowlisted;
    /// @notice Everyone who can ever hold a Ledger balance.
    address[] public owners;
    mapping(address => bool) internal _isOwner;

    // ghosts
    mapping(uint256 ed => uint256) public ghostMinted;
    mapping(uint256 ed => mapping(address wallet => uint256)) public ghostPublic;
    mapping(uint256 ed => mapping(address wallet => uint256)) public ghostPresale;
    mapping(uint256 ed => mapping(address wallet => uint256)) public ghostFiat;
    mapping(address collection => mapping(bytes32 orderId => bool)) public ghostOrder;
    mapping(address token => uint256) public ghostIn;
    mapping(address token => uint256) public ghostOut;
    mapping(bytes32 action => uint256) public calls;

    constructor(
        Ledger ledger,
        TestToken usdc,
        DropCollection a,
        address artistA,
        DropCollection b,
        address artistB,
        address split,
        ISplits.SplitConfig memory splitConfig,
        address[] memory creditees
    ) {
        LEDGER = ledger;
        SPLITS = ISplits(address(ledger));
        USDC = usdc;
        SPLIT = split;
        _splitConfig = splitConfig;
        MINTER = vm.addr(0x3177E4);
        ACCEPTING = new RejectingERC1155Receiver();
        ACCEPTING.setAccept(true);
        REJECTING = new RejectingERC1155Receiver();

        for (uint256 i; i < 5; ++i) {
            address actor = vm.addr(0xFA0 + i);
            vm.label(actor, string.concat("fan", vm.toString(i)));
            actors.push(actor);
            holders.push(actor);
            _addOwner(actor); // affiliates
            vm.prank(actor);
            usdc.approve(address(ledger), type(uint256).max);
        }
        holders.push(address(ACCEPTING));
        holders.push(address(REJECTING));
        for (uint256 i; i < creditees.length; ++i) _addOwner(creditees[i]);
        _addOwner(MINTER);
        _addOwner(address(this));

        allowlisted.push(actors[0]);
        allowlisted.push(actors[1]);
        allowlisted.push(actors[2]);
        allowlisted.push(address(ACCEPTING));
        allowlisted.push(address(REJECTING));
        bytes32 root = Allowlist.root(allowlisted);

        uint32 t0 = uint32(block.timestamp);
        IDropCollection.EditionConfig memory c;
        // 0: ETH, capped, presale for two days, public sale for 18 days after.
        c = _config(ETH, 0.01 ether, 60, 4, t0 + 2 days, t0 + 20 days);
        (c.presaleStart, c.presaleCap, c.presalePrice, c.presaleRoot) = (t0, 2, 0.005 ether, root);
        _create(a, artistA, c);
        // 1: USDC, open, on sale now, no end.
        _create(a, artistA, _config(address(usdc), 7e6, 0, 6, 0, 0));
        // 2: USDC, capped, presale for a day, no end.
        c = _config(address(usdc), 3e6, 40, 3, t0 + 1 days, 0);
        (c.presaleStart, c.presaleCap, c.presalePrice, c.presaleRoot) = (t0, 3, 1e6, root);
        _create(b, artistB, c);
        // 3: ETH, free, capped, for four days.
        _create(b, artistB, _config(ETH, 0, 25, 2, 0, t0 + 4 days));
        // 4: ETH, open, no cap, an odd price (rounding).
        _create(b, artistB, _config(ETH, 333_333_333, 0, 0, 0, 0));

        vm.prank(artistA);
        a.setMinter(MINTER, true);
        vm.prank(artistB);
        b.setMinter(MINTER, true);
    }

    // ---------------------------------------------------------------------------------------------
    // Actions
    // ---------------------------------------------------------------------------------------------

    /// @notice Someone mints in the public sale (sometimes paying the wrong amount).
    function mintPublic(
        uint256 actorSeed,
        uint256 toSeed,
        uint256 edSeed,
        uint256 quantity,
        uint256 affiliateSeed,
        uint256 paySeed
    ) external {
        uint256 k = edSeed % _eds.length;
        Ed memory ed = _eds[k];
        address actor = actors[actorSeed % actors.length];
        address to = _to(toSeed);
        quantity = _quantity(quantity, 3);
        address affiliate = affiliateSeed % 3 == 0 ? address(0) : actors[affiliateSeed % actors.length];
        IDropCollection.Edition memory e = ed.c.edition(ed.id);
        IDropCollection.EditionConfig memory c = e.config;
        (uint256 pub, ) = ed.c.mintedBy(ed.id, to);

        Expect memory x;
        _add(x, e.paused, IDropCollection.DropCollection_SalePaused.selector);
        _add(x, block.timestamp < c.start, IDropCollection.DropCollection_SaleNotStarted.selector);
        _add(x, c.end != 0 && block.timestamp >= c.end, IDropCollection.DropCollection_SaleEnded.selector);
        _add(x, quantity == 0, IDropCollection.DropCollection_ZeroQuantity.selector);
        _add(x, quantity > _remaining(e), IDropCollection.DropCollection_SoldOut.selector);
        _add(x, _refuses(to), IERC1155Errors.ERC1155InvalidReceiver.selector);
        _add(
            x,
            c.walletCap != 0 && pub + quantity > c.walletCap,
            IDropCollection.DropCollection_WalletCapExceeded.selector
        );
        uint256 amount = uint256(c.price) * quantity;
        (uint256 value, bool wrong) = _fund(actor, c.currency, amount, paySeed);
        _add(x, wrong, IDropCollection.DropCollection_WrongPayment.selector);
        uint256 maxPrice = _maxPrice(c.price, paySeed);
        _add(x, maxPrice < c.price, IDropCollection.DropCollection_PriceAboveMax.selector);

        Snap memory s0 = _snap(ed, to, actor, c.currency);
        vm.prank(actor);
        bool ok;
        bytes memory reason;
        try ed.c.mint{value: value}(to, ed.id, quantity, affiliate, maxPrice) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _settle(x, ok, reason, "mint");
        _checkMoved(ed, to, actor, c.currency, s0, ok ? quantity : 0, ok ? amount : 0, 0);
        if (ok) {
            ghostMinted[k] += quantity;
            ghostPublic[k][to] += quantity;
            ghostIn[c.currency] += amount;
            calls["mint"]++;
        } else {
            calls["mintRefused"]++;
        }
    }

    /// @notice Someone mints in the presale for `to`, with to's proof or (sometimes) another one.
    function mintPresale(
        uint256 actorSeed,
        uint256 toSeed,
        uint256 edSeed,
        uint256 quantity,
        uint256 proofSeed,
        uint256 paySeed
    ) external {
        // Presale editions (0 and 2) twice as often as the others.
        uint256 k = edSeed % 7;
        k = k < 5 ? k : (k == 5 ? 0 : 2);
        Ed memory ed = _eds[k];
        address actor = actors[actorSeed % actors.length];
        address to = _to(toSeed);
        quantity = _quantity(quantity, 2);
        IDropCollection.Edition memory e = ed.c.edition(ed.id);
        IDropCollection.EditionConfig memory c = e.config;
        (, uint256 pre) = ed.c.mintedBy(ed.id, to);
        (uint256 index, bool listed) = _indexOf(to);
        uint256 proofIndex = !listed || proofSeed % 4 == 0 ? proofSeed % allowlisted.length : index;
        bytes32[] memory proof = Allowlist.proof(allowlisted, proofIndex);

        Expect memory x;
        _add(x, e.paused, IDropCollection.DropCollection_SalePaused.selector);
        bool active = c.presaleRoot != 0 && block.timestamp >= c.presaleStart && block.timestamp < c.start;
        _add(x, !active, IDropCollection.DropCollection_PresaleNotActive.selector);
        _add(x, !(listed && proofIndex == index), IDropCollection.DropCollection_NotAllowlisted.selector);
        _add(x, quantity == 0, IDropCollection.DropCollection_ZeroQuantity.selector);
        _add(x, quantity > _remaining(e), IDropCollection.DropCollection_SoldOut.selector);
        _add(x, _refuses(to), IERC1155Errors.ERC1155InvalidReceiver.selector);
        _add(
            x,
            c.presaleCap != 0 && pre + quantity > c.presaleCap,
            IDropCollection.DropCollection_WalletCapExceeded.selector
        );
        uint256 amount = uint256(c.presalePrice) * quantity;
        (uint256 value, bool wrong) = _fund(actor, c.currency, amount, paySeed);
        _add(x, wrong, IDropCollection.DropCollection_WrongPayment.selector);
        uint256 maxPrice = _maxPrice(c.presalePrice, paySeed);
        _add(x, maxPrice < c.presalePrice, IDropCollection.DropCollection_PriceAboveMax.selector);

        Snap memory s0 = _snap(ed, to, actor, c.currency);
        vm.prank(actor);
        bool ok;
        bytes memory reason;
        try ed.c.mintAllowlisted{value: value}(to, ed.id, quantity, proof, address(0), maxPrice) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _settle(x, ok, reason, "mintAllowlisted");
        _checkMoved(ed, to, actor, c.currency, s0, ok ? quantity : 0, ok ? amount : 0, 1);
        if (ok) {
            ghostMinted[k] += quantity;
            ghostPresale[k][to] += quantity;
            ghostIn[c.currency] += amount;
            calls["presale"]++;
        } else {
            calls["presaleRefused"]++;
        }
    }

    /// @notice The minter (or, sometimes, someone else) mints a fiat order; order ids repeat.
    function mintFiat(
        uint256 callerSeed,
        uint256 toSeed,
        uint256 edSeed,
        uint256 quantity,
        uint256 orderSeed
    ) external {
        uint256 k = edSeed % _eds.length;
        Ed memory ed = _eds[k];
        address caller = callerSeed % 6 == 0 ? actors[callerSeed % actors.length] : MINTER;
        address to = _to(toSeed);
        quantity = _quantity(quantity, 4);
        bytes32 orderId = keccak256(abi.encode("order", orderSeed % ORDER_POOL));
        IDropCollection.Edition memory e = ed.c.edition(ed.id);

        Expect memory x;
        _add(x, caller != MINTER, IDropCollection.DropCollection_NotMinter.selector);
        _add(x, ghostOrder[address(ed.c)][orderId], IDropCollection.DropCollection_OrderAlreadyMinted.selector);
        _add(x, quantity == 0, IDropCollection.DropCollection_ZeroQuantity.selector);
        _add(x, quantity > _remaining(e), IDropCollection.DropCollection_SoldOut.selector);
        _add(x, _refuses(to), IERC1155Errors.ERC1155InvalidReceiver.selector);

        Snap memory s0 = _snap(ed, to, caller, e.config.currency);
        vm.prank(caller);
        bool ok;
        bytes memory reason;
        try ed.c.mintPaid(to, ed.id, quantity, orderId) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _settle(x, ok, reason, "mintPaid");
        _checkMoved(ed, to, caller, e.config.currency, s0, ok ? quantity : 0, 0, 0);
        assertTrue(ed.c.orderMinted(orderId) == (ghostOrder[address(ed.c)][orderId] || ok), "orderMinted");
        if (ok) {
            ghostOrder[address(ed.c)][orderId] = true;
            ghostMinted[k] += quantity;
            ghostFiat[k][to] += quantity;
            calls["fiat"]++;
        } else {
            calls["fiatRefused"]++;
        }
    }

    /// @notice A holder moves tokens (sometimes more than it has, sometimes to a refusing receiver).
    function transfer(uint256 fromSeed, uint256 toSeed, uint256 edSeed, uint256 amount) external {
        Ed memory ed = _eds[edSeed % _eds.length];
        address from = holders[fromSeed % holders.length];
        address to = _to(toSeed);
        uint256 fromBalance = ed.c.balanceOf(from, ed.id);
        amount = bound(amount, 0, fromBalance + 1);
        uint256 toBalance = to == address(0) ? 0 : ed.c.balanceOf(to, ed.id);
        (uint256 fromPub, uint256 fromPre) = ed.c.mintedBy(ed.id, from);
        (uint256 toPub, uint256 toPre) = ed.c.mintedBy(ed.id, to);

        Expect memory x;
        _add(x, _refuses(to), IERC1155Errors.ERC1155InvalidReceiver.selector);
        _add(x, amount > fromBalance, IERC1155Errors.ERC1155InsufficientBalance.selector);

        vm.prank(from);
        bool ok;
        bytes memory reason;
        try ed.c.safeTransferFrom(from, to, ed.id, amount, "") {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _settle(x, ok, reason, "safeTransferFrom");
        uint256 moved = ok && from != to ? amount : 0;
        assertEq(ed.c.balanceOf(from, ed.id), fromBalance - moved, "sender balance");
        if (to != address(0)) assertEq(ed.c.balanceOf(to, ed.id), toBalance + moved, "receiver balance");
        (uint256 p, uint256 q) = ed.c.mintedBy(ed.id, from);
        assertTrue(p == fromPub && q == fromPre, "a transfer never moves the sender's mint counts");
        (p, q) = ed.c.mintedBy(ed.id, to);
        assertTrue(p == toPub && q == toPre, "a transfer never moves the receiver's mint counts");
        calls[ok ? bytes32("transfer") : bytes32("transferRefused")]++;
    }

    /// @notice The artist changes an edition's supply (mostly allowed shrinks, sometimes forbidden changes).
    function changeSupply(uint256 edSeed, uint256 next, uint256 modeSeed) external {
        Ed memory ed = _eds[edSeed % _eds.length];
        IDropCollection.Edition memory e = ed.c.edition(ed.id);
        IDropCollection.EditionConfig memory c = e.config;
        uint256 old = c.maxSupply;
        if (modeSeed % 4 != 0) {
            // an allowed value that keeps at least half of what is left for sale
            uint256 floor = old == 0 ? e.minted + 100 : e.minted + (old - e.minted + 1) / 2;
            uint256 ceiling = old == 0 ? e.minted + 200 : old;
            next = old == 0 && next % 3 == 0 ? 0 : bound(next, floor == 0 ? 1 : floor, ceiling);
        } else {
            next = bound(next, 0, (old == 0 ? e.minted : old) + 3);
        }
        bool allowed = (old == 0 || (next != 0 && next <= old)) && (next == 0 || next >= e.minted);
        c.maxSupply = uint32(next);

        Expect memory x;
        _add(x, !allowed, IDropCollection.DropCollection_InvalidSupply.selector);
        vm.prank(ed.artist);
        bool ok;
        bytes memory reason;
        try ed.c.updateEdition(ed.id, c) {
            ok = true;
        } catch (bytes memory r) {
            reason = r;
        }
        _settle(x, ok, reason, "updateEdition");
        IDropCollection.Edition memory after_ = ed.c.edition(ed.id);
        assertEq(after_.config.maxSupply, ok ? next : old, "maxSupply");
        assertEq(after_.minted, e.minted, "minted kept");
        assertTrue(after_.paused == e.paused, "paused kept");
        calls[ok ? bytes32("supply") : bytes32("supplyRefused")]++;
    }

    /// @notice The artist pauses (one time in four) or resumes an edition.
    function setPaused(uint256 edSeed, uint256 seed) external {
        Ed memory ed = _eds[edSeed % _eds.length];
        bool paused = seed % 4 == 0;
        vm.prank(ed.artist);
        ed.c.setPaused(ed.id, paused);
        assertTrue(ed.c.edition(ed.id).paused == paused, "paused flag");
        calls["setPaused"]++;
    }

    /// @notice Time passes.
    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 12 hours));
        calls["warp"]++;
    }

    /// @notice Anyone pushes an owner's Ledger balance to it (the split distributes instead).
    function withdraw(uint256 ownerSeed, uint256 tokenSeed) external {
        address owner = ownerSeed % 4 == 0 ? SPLIT : owners[ownerSeed % owners.length];
        address token = tokenSeed % 2 == 0 ? ETH : address(USDC);
        uint256 balance = LEDGER.balanceOf(owner, token);
        if (balance == 0) return;
        if (owner == SPLIT) {
            uint256 sumBefore = sumOfBalances(token);
            SPLITS.distribute(SPLIT, token, _splitConfig, address(0));
            assertEq(sumOfBalances(token), sumBefore, "a distribution keeps every unit credited");
            assertLe(LEDGER.balanceOf(SPLIT, token), 1, "the split keeps at most dust");
            calls["distribute"]++;
            return;
        }
        uint256 walletBefore = _wallet(owner, token);
        assertEq(LEDGER.withdraw(owner, token), balance, "withdraw pays the whole balance");
        assertEq(_wallet(owner, token) - walletBefore, balance, "the owner received it");
        assertEq(LEDGER.balanceOf(owner, token), 0, "balance cleared");
        ghostOut[token] += balance;
        calls["withdraw"]++;
    }

    // ---------------------------------------------------------------------------------------------
    // Views for the invariants
    // ---------------------------------------------------------------------------------------------

    function edsLength() external view returns (uint256) {
        return _eds.length;
    }

    function editionAt(uint256 k) external view returns (DropCollection c, uint256 id) {
        return (_eds[k].c, _eds[k].id);
    }

    function holdersLength() external view returns (uint256) {
        return holders.length;
    }

    function ownersLength() external view returns (uint256) {
        return owners.length;
    }

    /// @notice The sum of every tracked Ledger balance of `token`.
    function sumOfBalances(address token) public view returns (uint256 sum) {
        for (uint256 i; i < owners.length; ++i) sum += LEDGER.balanceOf(owners[i], token);
    }

    // ---------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------

    function _config(
        address currency,
        uint96 price,
        uint32 maxSupply,
        uint16 walletCap,
        uint32 start,
        uint32 end
    ) internal pure returns (IDropCollection.EditionConfig memory c) {
        (c.currency, c.price, c.maxSupply, c.walletCap, c.start, c.end) = (
            currency,
            price,
            maxSupply,
            walletCap,
            start,
            end
        );
        c.metadataHash = keccak256(abi.encode(currency, price, maxSupply));
    }

    function _create(DropCollection c, address artist, IDropCollection.EditionConfig memory config) internal {
        vm.prank(artist);
        uint256 id = c.createEdition(config, "");
        _eds.push(Ed({c: c, id: id, artist: artist}));
    }

    function _addOwner(address a) internal {
        if (_isOwner[a]) return;
        _isOwner[a] = true;
        owners.push(a);
    }

    /// @dev The buyer's limit per token: usually the price it saw (the current one), sometimes any amount
    ///      above, and (1 in 8) just below, as when the artist's repricing lands first (F-01).
    function _maxPrice(uint256 price, uint256 seed) internal pure returns (uint256) {
        uint256 r = (seed >> 8) % 8;
        if (r == 7 && price != 0) return price - 1;
        if (r == 6) return type(uint256).max;
        return price;
    }

    /// @dev 1 to `max`, or (1 in 11) zero.
    function _quantity(uint256 seed, uint256 max) internal pure returns (uint256) {
        return seed % 11 == 0 ? 0 : 1 + (seed % max);
    }

    /// @dev A holder, or (1 in 23) the zero address.
    function _to(uint256 seed) internal view returns (address) {
        return seed % 23 == 0 ? address(0) : holders[seed % holders.length];
    }

    function _refuses(address to) internal view returns (bool) {
        return to == address(0) || to == address(REJECTING);
    }

    function _indexOf(address a) internal view returns (uint256, bool) {
        for (uint256 i; i < allowlisted.length; ++i) {
            if (allowlisted[i] == a) return (i, true);
        }
        return (0, false);
    }

    function _remaining(IDropCollection.Edition memory e) internal pure returns (uint256) {
        uint256 max = e.config.maxSupply == 0 ? type(uint32).max : e.config.maxSupply;
        return max - e.minted;
    }

    /// @dev Gives `actor` what it pays; one time in eight the value sent is wrong (one wei too much, or ETH
    ///      to an ERC-20 edition).
    function _fund(
        address actor,
        address currency,
        uint256 amount,
        uint256 seed
    ) internal returns (uint256 value, bool wrong) {
        wrong = seed % 8 == 0;
        if (currency == ETH) {
            value = amount + (wrong ? 1 : 0);
        } else {
            USDC.mint(actor, amount);
            value = wrong ? 1 : 0;
        }
        vm.deal(actor, actor.balance + value);
    }

    function _wallet(address who, address token) internal view returns (uint256) {
        return token == ETH ? who.balance : USDC.balanceOf(who);
    }

    function _snap(Ed memory ed_, address to, address payer, address currency) internal view returns (Snap memory s) {
        s.held = _wallet(address(LEDGER), currency);
        s.payerWallet = _wallet(payer, currency);
        s.minted = ed_.c.edition(ed_.id).minted;
        (s.pub, s.pre) = ed_.c.mintedBy(ed_.id, to);
        s.balance = to == address(0) ? 0 : ed_.c.balanceOf(to, ed_.id);
    }

    /// @dev After a call: exactly `quantity` tokens and `amount` of money moved (none after a refusal), and
    ///      the right counter (0 public/fiat, 1 presale) grew by `quantity`.
    function _checkMoved(
        Ed memory ed_,
        address to,
        address payer,
        address currency,
        Snap memory s0,
        uint256 quantity,
        uint256 amount,
        uint256 counter
    ) internal view {
        Snap memory s1 = _snap(ed_, to, payer, currency);
        assertEq(s1.held, s0.held + amount, "the Ledger received exactly the price");
        assertEq(s0.payerWallet - s1.payerWallet, amount, "the payer paid exactly the price");
        assertEq(s1.minted, s0.minted + quantity, "minted");
        assertEq(s1.pub, s0.pub + (counter == 0 ? quantity : 0), "public (and fiat) mint count");
        assertEq(s1.pre, s0.pre + (counter == 1 ? quantity : 0), "presale mint count");
        assertEq(s1.balance, s0.balance + quantity, "receiver balance");
        assertEq(address(ed_.c).balance, 0, "the collection never keeps ETH");
        assertEq(USDC.balanceOf(address(ed_.c)), 0, "the collection never keeps tokens");
    }

    /// @dev "0x" and the 8 hex digits of an error selector.
    function _hex(bytes4 selector) internal pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        bytes memory out = new bytes(10);
        (out[0], out[1]) = ("0", "x");
        for (uint256 i; i < 4; ++i) {
            out[2 + 2 * i] = digits[uint8(selector[i]) >> 4];
            out[3 + 2 * i] = digits[uint8(selector[i]) & 0x0f];
        }
        return string(out);
    }

    function _add(Expect memory x, bool broken, bytes4 selector) internal pure {
        if (broken) x.sel[x.n++] = selector;
    }

    /// @dev The call succeeded iff it broke no rule; a refusal names one of the rules it broke.
    function _settle(Expect memory x, bool ok, bytes memory reason, string memory what) internal pure {
        if (ok) {
            if (x.n != 0) {
                fail(string.concat(what, " succeeded although it breaks rule ", _hex(x.sel[0])));
            }
            return;
        }
        bytes4 got = bytes4(reason);
        if (x.n == 0) fail(string.concat(what, " refused although no rule forbids it: ", _hex(got)));
        for (uint256 i; i < x.n; ++i) {
            if (x.sel[i] == got) return;
        }
        fail(string.concat(what, " refused with an error no broken rule names: ", _hex(got)));
    }
}
