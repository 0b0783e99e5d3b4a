// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Test} from "../utils/Test.sol";
import {Ledger} from "../../../contracts/ledger/Ledger.sol";
import {ILedger} from "../../../contracts/ledger/ILedger.sol";
import {FeeRouter} from "../../../contracts/fees/FeeRouter.sol";
import {ISplits} from "../../../contracts/splits/ISplits.sol";
import {IPayments} from "../../../contracts/ledger/IPayments.sol";
import {ArtistRegistry} from "../../../contracts/artists/ArtistRegistry.sol";
import {TestToken} from "../../../contracts/mocks/TestToken.sol";
import {FeeOnTransferToken} from "../../../contracts/mocks/FeeOnTransferToken.sol";
import {RevertingReceiver} from "../../../contracts/mocks/RevertingReceiver.sol";
import {ReentrantReceiver} from "../../../contracts/mocks/ReentrantReceiver.sol";

/// @title MoneyHandler
/// @notice Drives random sequences of every money movement of the core (deposit ETH/ERC-20, Ledger.pay with
///         and without an affiliate, by the payer or an operator, split create/update/distribute, ETH and
///         tokens sent straight to split addresses, withdraw, withdrawTo, fee and affiliate-share changes) by
///         several actors, including a reverting and a re-entrant recipient.
///         Every action is bounded so that it must succeed; an unexpected revert fails the campaign
///         (failOnRevert). Each distribution is checked exactly against the documented formula, and ghost
///         variables track money in and out for the invariants.
contract MoneyHandler is Test {
    uint32 internal constant PPM = 1_000_000;
    uint256 internal constant MAX_SPLITS = 8;
    uint256 internal constant MAX_PICK = 5;

    Ledger public immutable LEDGER;
    FeeRouter public immutable ROUTER;
    /// @notice The Ledger's address typed as the splits it hosts (there is no separate Splits contract).
    ISplits public immutable SPLITS;
    ArtistRegistry public immutable REGISTRY;
    address public immutable ADMIN;
    RevertingReceiver public immutable REVERTING;
    ReentrantReceiver public immutable REENTRANT;
    /// @notice A Ledger operator (level 1, named by the test's setUp) that pays for the actors in ERC-20s.
    address public immutable OPERATOR = vm.addr(0x0BE2A7);

    /// @notice [ETH, 18-decimal token, 6-decimal token, token without return values].
    address[4] public tokens;
    /// @notice A token that burns 1% of every transfer: a deposit of it credits only what arrived.
    FeeOnTransferToken public immutable TAXED;
    address[] public actors;
    address[] public artists;
    /// @notice Every address that can ever hold a Ledger balance: the invariants sum over it.
    address[] public owners;
    mapping(address => bool) public isOwner;
    address[] public splitList;
    mapping(address => bool) public isSplit;
    mapping(address split => ISplits.SplitConfig) internal _configs;
    mapping(address split => address) public controllerOf;
    /// @notice The split the re-entrant receiver re-distributes (no advance, never updated).
    address public reentryTarget;

    // ghosts
    mapping(address token => uint256) public ghostIn; // deposits + payments + direct sends
    mapping(address token => uint256) public ghostOut; // paid out of the Ledger to non-split addresses
    mapping(address split => uint256) public ghostAdvancePaid;
    mapping(address split => uint256) public ghostMaxAdvance;
    mapping(bytes32 action => uint256) public calls;

    constructor(
        Ledger ledger,
        FeeRouter router,
        ISplits splits,
        ArtistRegistry registry,
        address admin,
        address treasury,
        address[4] memory tokens_
    ) {
        LEDGER = ledger;
        ROUTER = router;
        SPLITS = splits;
        REGISTRY = registry;
        ADMIN = admin;
        tokens = tokens_;
        REVERTING = new RevertingReceiver();
        assertEq(address(splits), address(ledger), "the Ledger hosts the splits");
        REENTRANT = new ReentrantReceiver(ILedger(address(ledger)), splits);
        TAXED = new FeeOnTransferToken();

        for (uint256 i; i < 4; ++i) {
            address actor = vm.addr(0xA11CE + i);
            actors.push(actor);
            _addOwner(actor);
            for (uint256 t = 1; t < 4; ++t) {
                vm.prank(actor);
                (bool ok, ) = tokens[t].call(
                    abi.encodeWithSignature("approve(address,uint256)", address(ledger), type(uint256).max)
                );
                assertTrue(ok, "approve");
            }
            vm.prank(actor);
            TAXED.approve(address(ledger), type(uint256).max);
        }
        _addOwner(treasury);
        _addOwner(address(REVERTING));
        _addOwner(address(REENTRANT));

        // Two splits that artists are paid into; the first one is also the re-entrant's target.
        address split0 = _createSplit(1, address(0), false);
        address split1 = _createSplit(2, actors[0], true);
        reentryTarget = split0;
        REENTRANT.setSplit(split0, _configs[split0]);
        REENTRANT.setAttack(ReentrantReceiver.Attack.Withdraw, true);

        // artist0 is paid directly, artist1 into split0 (referred by artist0), artist2 into split1 (by artist1).
        string[3] memory handles = ["artist-zero", "artist-one", "artist-two"];
        address[3] memory payouts = [address(0), split0, split1];
        string[3] memory refs = ["", "artist-zero", "artist-one"];
        for (uint256 i; i < 3; ++i) {
            address artist = vm.addr(0xA7 + i);
            vm.prank(artist);
            registry.register(handles[i], "ipfs://x", payouts[i], refs[i]);
            artists.push(artist);
            _addOwner(artist);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Actions
    // ---------------------------------------------------------------------------------------------

    function deposit(uint256 actorSeed, uint256 ownerSeed, uint256 tokenSeed, uint256 amount) external {
        address actor = actors[actorSeed % actors.length];
        address to = owners[ownerSeed % owners.length];
        address token = tokens[tokenSeed % 4];
        amount = bound(amount, 1, _max(token));
        _fund(actor, token, amount);
        uint256 before = LEDGER.balanceOf(to, token);
        vm.prank(actor);
        uint256 credited = LEDGER.deposit{value: token == address(0) ? amount : 0}(to, token, amount, "deposit");
        assertEq(credited, amount, "deposit credits the amount");
        assertEq(LEDGER.balanceOf(to, token), before + amount, "deposit credits the owner");
        ghostIn[token] += amount;
        calls["deposit"]++;
    }

    /// @notice A deposit of the fee-on-transfer token: the Ledger credits exactly what arrived (less than the
    ///         amount named), never the amount named.
    function depositTaxed(uint256 actorSeed, uint256 ownerSeed, uint256 amount) external {
        address actor = actors[actorSeed % actors.length];
        address to = owners[ownerSeed % owners.length];
        amount = bound(amount, 1, 1e24);
        TAXED.mint(actor, amount);
        uint256 heldBefore = TAXED.balanceOf(address(LEDGER));
        uint256 before = LEDGER.balanceOf(to, address(TAXED));
        vm.prank(actor);
        uint256 credited = LEDGER.deposit(to, address(TAXED), amount, "deposit");
        uint256 received = TAXED.balanceOf(address(LEDGER)) - heldBefore;
        assertEq(credited, received, "a taxed deposit credits what arrived");
        assertEq(
            LEDGER.balanceOf(to, address(TAXED)),
            before + received,
            "a taxed deposit credits the owner what arrived"
        );
        ghostIn[address(TAXED)] += received;
        calls["depositTaxed"]++;
    }

    /// @notice An ETH deposit whose value differs from the amount it names (short or over): refused by name,
    ///         nothing credited, nothing kept.
    function depositWrongValue(uint256 actorSeed, uint256 ownerSeed, uint256 amount, uint256 off) external {
        address actor = actors[actorSeed % actors.length];
        address to = owners[ownerSeed % owners.length];
        amount = bound(amount, 1, 1e24);
        uint256 value = off % 2 == 0 ? amount - bound(off, 1, amount) : amount + bound(off, 1, 1e24);
        _fund(actor, address(0), value);
        uint256 before = LEDGER.balanceOf(to, address(0));
        uint256 heldBefore = address(LEDGER).balance;
        vm.prank(actor);
        try LEDGER.deposit{value: value}(to, address(0), amount, "deposit") returns (uint256 credited) {
            fail(
                string.concat(
                    "a deposit naming ",
                    vm.toString(amount),
                    " wei with ",
                    vm.toString(value),
                    " sent was accepted, crediting ",
                    vm.toString(credited)
                )
            );
        } catch (bytes memory reason) {
            assertTrue(bytes4(reason) == ILedger.Ledger_ValueMismatch.selector, "refused as a value mismatch");
        }
        assertEq(LEDGER.balanceOf(to, address(0)), before, "a refused deposit credits nothing");
        assertEq(address(LEDGER).balance, heldBefore, "a refused deposit keeps nothing");
        calls["depositWrongValue"]++;
    }

    /// @notice A payment to an artist through Ledger.pay, with or without an affiliate (any owner, so it may
    ///         coincide with the payout, the treasury or the referrer), by the payer itself or (ERC-20) by an
    ///         operator pulling from the payer's approval. Every part is checked against the IPayments formula.
    function pay(
        uint256 actorSeed,
        uint256 artistSeed,
        uint256 kindSeed,
        uint256 tokenSeed,
        uint256 affiliateSeed,
        uint256 amount
    ) external {
        address actor = actors[actorSeed % actors.length];
        address artist = artists[artistSeed % artists.length];
        uint8 kind = uint8(kindSeed % 3);
        address token = tokens[tokenSeed % 4];
        address affiliate = affiliateSeed % 3 == 0 ? address(0) : owners[(affiliateSeed >> 2) % owners.length];
        // An operator pays for the actor (ERC-20 only: ETH comes from the caller itself).
        address caller = token != address(0) && (affiliateSeed >> 128) % 2 == 1 ? OPERATOR : actor;
        amount = bound(amount, 1, _max(token));
        _fund(actor, token, amount);

        // Expected parts: payout, treasury, referrer, affiliate. A payer naming itself earns nothing.
        address effectiveAffiliate = affiliate == actor ? address(0) : affiliate;
        address[4] memory who;
        uint256[4] memory expected;
        {
            IPayments.Rates memory r = LEDGER.rates();
            IPayments.Payee memory payee = LEDGER.payeeOf(artist);
            uint256 bps =
                kind == 0
                    ? r.primaryBps
                    : kind == 1
                        ? r.marketBps
                        : r.liveBps;
            uint256 gross = (amount * bps) / 10_000;
            uint256 referral = payee.referrer == address(0) ? 0 : (gross * 500) / 10_000;
            uint256 affiliateFee = effectiveAffiliate == address(0) ? 0 : (gross * r.affiliateBps) / 10_000;
            who = [payee.payout, r.treasury, payee.referrer, effectiveAffiliate];
            expected = [amount - gross, gross - referral - affiliateFee, referral, affiliateFee];
            IPayments.Quote memory q = LEDGER.quote(artist, kind, amount, effectiveAffiliate);
            assertEq(q.net, expected[0], "quote net");
            assertEq(q.fee, expected[1], "quote fee");
            assertEq(q.referral, expected[2], "quote referral: 5% of the fee");
            assertEq(q.affiliateFee, expected[3], "quote affiliate share of the fee");
            assertEq(q.net + q.fee + q.referral + q.affiliateFee, amount, "quote adds up");
        }
        uint256[4] memory before;
        for (uint256 i; i < 4; ++i) {
            if (who[i] != address(0)) before[i] = LEDGER.balanceOf(who[i], token);
        }
        uint256 payerBefore = token == address(0) ? 0 : _holding(actor, token); // loses exactly `amount` (F-02)
        vm.prank(caller);
        uint256 net = LEDGER.pay{value: token == address(0) ? amount : 0}(
            IPayments.Payment({
                payer: actor,
                token: token,
                amount: amount,
                artist: artist,
                kind: kind,
                affiliate: affiliate,
                source: "sale",
                ref: 0
            })
        );
        assertEq(net, expected[0], "pay returns the net");
        if (token != address(0) && payerBefore - _holding(actor, token) > amount) calls["overPull"]++;
        // Each address's change == the sum of the parts it holds (the parties may coincide).
        for (uint256 i; i < 4; ++i) {
            address a = who[i];
            if (a == address(0)) continue;
            uint256 sum;
            bool first = true;
            for (uint256 j; j < 4; ++j) {
                if (who[j] == a) {
                    if (j < i) first = false;
                    sum += expected[j];
                }
            }
            if (first) assertEq(LEDGER.balanceOf(a, token) - before[i], sum, "each part credited exactly");
        }
        ghostIn[token] += amount;
        calls["pay"]++;
        if (affiliate != address(0)) calls["payWithAffiliate"]++;
        if (caller == OPERATOR) calls["payByOperator"]++;
    }

    function sendToSplit(uint256 actorSeed, uint256 splitSeed, uint256 tokenSeed, uint256 amount) external {
        address actor = actors[actorSeed % actors.length];
        address split = splitList[splitSeed % splitList.length];
        address token = tokens[tokenSeed % 4];
        amount = bound(amount, 1, _max(token));
        _fund(actor, token, amount);
        vm.prank(actor);
        bool ok;
        if (token == address(0)) {
            (ok, ) = split.call{value: amount}("");
        } else {
            (ok, ) = token.call(abi.encodeWithSignature("transfer(address,uint256)", split, amount));
        }
        assertTrue(ok, "direct send to a split");
        ghostIn[token] += amount;
        calls["sendToSplit"]++;
    }

    function createSplit(uint256 seed, uint256 controllerSeed) external {
        if (splitList.length >= MAX_SPLITS) return;
        address controller = controllerSeed % 3 == 0 ? address(0) : actors[controllerSeed % actors.length];
        _createSplit(seed, controller, seed % 2 == 0);
        calls["createSplit"]++;
    }

    function updateSplit(uint256 splitSeed, uint256 seed) external {
        address split = splitList[splitSeed % splitList.length];
        address controller = controllerOf[split];
        if (controller == address(0) || split == reentryTarget) return;
        ISplits.SplitConfig memory config = _randomConfig(seed, seed % 2 == 0);
        ISplits.SplitConfig memory previous = _configs[split];
        uint256 recoupedBefore = SPLITS.splitState(split).recouped;
        vm.prank(controller);
        SPLITS.updateSplit(split, config);
        _configs[split] = config;
        ISplits.SplitState memory state = SPLITS.splitState(split);
        bool sameAdvance = config.advancer == previous.advancer && config.advanceToken == previous.advanceToken;
        assertEq(state.advanceKey, _advanceKey(config), "advanceKey names the current advance");
        if (sameAdvance) {
            // The same advance (only its amount may move): what it recouped is kept.
            assertEq(state.recouped, recoupedBefore, "an update keeps what the same advance recouped");
            if (config.advanceAmount > ghostMaxAdvance[split]) ghostMaxAdvance[split] = config.advanceAmount;
        } else {
            // Another advancer or advance token: a new advance, repaid from zero and capped by its own amount.
            assertEq(state.recouped, 0, "a new advance starts from zero");
            ghostAdvancePaid[split] = 0;
            ghostMaxAdvance[split] = config.advanceAmount;
        }
        calls["updateSplit"]++;
    }

    function setFee(uint256 kindSeed, uint256 bps) external {
        uint8 kind = uint8(kindSeed % 3);
        bps = bound(bps, 0, ROUTER.capBps(kind));
        vm.prank(ADMIN);
        ROUTER.proposeFee(kind, uint16(bps));
        vm.warp(block.timestamp + ROUTER.TIMELOCK());
        ROUTER.applyFee(kind);
        _checkRatesMirrored();
        calls["setFee"]++;
    }

    function setAffiliateShare(uint256 bps) external {
        bps = bound(bps, 0, ROUTER.AFFILIATE_CAP_BPS());
        vm.prank(ADMIN);
        ROUTER.setAffiliateShare(uint16(bps));
        _checkRatesMirrored();
        calls["setAffiliateShare"]++;
    }

    function setReentrantAttack(uint256 seed) external {
        REENTRANT.setAttack(ReentrantReceiver.Attack(1 + (seed % 3)), (seed >> 8) % 2 == 0);
        calls["setReentrantAttack"]++;
    }

    /// @notice Distributes a split and checks every credit against the documented formula.
    function distribute(uint256 splitSeed, uint256 tokenSeed, uint256 distributorSeed) external {
        address split = splitList[splitSeed % splitList.length];
        address token = tokens[tokenSeed % 4];
        // The distributor is any actor, or (1 in 5) the split itself: anyone may name it (FINDING-01).
        address distributor = distributorSeed % 5 == 0 ? split : actors[distributorSeed % actors.length];
        ISplits.SplitConfig memory config = _configs[split];

        uint256 held = _held(split, token);
        uint256 amount = LEDGER.balanceOf(split, token) + held;
        uint256 recouped = SPLITS.splitState(split).recouped;

        // Expected credits: recipients..., advancer, distributor.
        uint256 n = config.recipients.length;
        address[] memory who = new address[](n + 2);
        uint256[] memory expected = new uint256[](n + 2);
        uint256 advancePaid;
        uint256 reward;
        uint256 paid;
        {
            uint256 rest = amount;
            if (config.advancer != address(0) && token == config.advanceToken && recouped < config.advanceAmount) {
                advancePaid = config.advanceAmount - recouped;
                if (advancePaid > rest) advancePaid = rest;
                rest -= advancePaid;
            }
            reward = (rest * config.distributorFee) / PPM;
            rest -= reward;
            for (uint256 i; i < n; ++i) {
                who[i] = config.recipients[i];
                expected[i] = (rest * config.allocations[i]) / PPM;
                paid += expected[i];
            }
            who[n] = config.advancer;
            expected[n] = advancePaid;
            who[n + 1] = distributor;
            expected[n + 1] = reward;
            paid += advancePaid + reward;
        }
        uint256[] memory before = new uint256[](n + 2);
        for (uint256 i; i < n + 2; ++i) {
            if (who[i] != address(0)) before[i] = LEDGER.balanceOf(who[i], token);
        }
        uint256 splitBefore = LEDGER.balanceOf(split, token);

        uint256 returned = SPLITS.distribute(split, token, config, distributor);
        assertEq(returned, amount, "distribute returns ledger balance + holdings");
        assertEq(_held(split, token), 0, "holdings swept");

        // Each address's change == the sum of what the formula gives it (an address may hold several slots).
        for (uint256 i; i < n + 2; ++i) {
            address a = who[i];
            if (a == address(0) || a == split) continue;
            uint256 sum;
            bool first = true;
            for (uint256 j; j < n + 2; ++j) {
                if (who[j] == a) {
                    if (j < i) first = false;
                    sum += expected[j];
                }
            }
            if (!first) continue;
            assertEq(LEDGER.balanceOf(a, token) - before[i], sum, "credit == formula (no over- or under-pay)");
        }
        uint256 selfCredit;
        for (uint256 j; j < n + 2; ++j) {
            if (who[j] == split) selfCredit += expected[j];
        }
        assertEq(
            LEDGER.balanceOf(split, token),
            splitBefore + held - paid + selfCredit,
            "split keeps the dust (and anything it pays itself)"
        );
        assertLe(amount - paid, n == 0 ? 0 : n - 1, "dust below one unit per recipient");
        assertEq(SPLITS.splitState(split).recouped, recouped + advancePaid, "recouped grows by the advance paid");
        ghostAdvancePaid[split] += advancePaid;
        calls["distribute"]++;
    }

    /// @notice Anyone pushes an owner's whole balance to the owner.
    function withdraw(uint256 callerSeed, uint256 ownerSeed, uint256 tokenSeed) external {
        address caller = actors[callerSeed % actors.length];
        address owner = owners[ownerSeed % owners.length];
        address token = tokens[tokenSeed % 4];
        uint256 balance = LEDGER.balanceOf(owner, token);
        if (balance == 0) return;
        uint256 receivedBefore = _holding(owner, token);
        uint256 reentryBefore = REENTRANT.reentrySucceeded();
        vm.prank(caller);
        try LEDGER.withdraw(owner, token) returns (uint256 got) {
            assertEq(got, balance, "withdraw pays the whole balance");
            if (owner != address(REENTRANT)) {
                assertEq(LEDGER.balanceOf(owner, token), 0, "balance cleared");
            }
            assertEq(_holding(owner, token) - receivedBefore, balance, "owner received it");
            if (!isSplit[owner]) ghostOut[token] += balance;
            calls["withdraw"]++;
        } catch {
            _expectLegitFailure(owner, token);
            assertEq(LEDGER.balanceOf(owner, token), balance, "a failed withdrawal keeps the balance");
            calls["withdrawFailed"]++;
        }
        _checkReentry(reentryBefore);
    }

    /// @notice An owner (an actor or one of the hostile contracts) sends part of its balance anywhere.
    function withdrawTo(uint256 ownerSeed, uint256 tokenSeed, uint256 toSeed, uint256 amount) external {
        uint256 pick = ownerSeed % (actors.length + 2);
        address owner =
            pick < actors.length
                ? actors[pick]
                : pick == actors.length
                    ? address(REVERTING)
                    : address(REENTRANT);
        address token = tokens[tokenSeed % 4];
        uint256 balance = LEDGER.balanceOf(owner, token);
        if (balance == 0) return;
        amount = bound(amount, 1, balance);
        address to = toSeed % 3 == 0 ? vm.addr(0x5111C + (toSeed % 4)) : owners[toSeed % owners.length];
        uint256 receivedBefore = _holding(to, token);
        uint256 reentryBefore = REENTRANT.reentrySucceeded();
        // A re-entrant receiver may legitimately run a nested distribute (on the Ledger), which credits others.
        bool nestedDistribution =
            to == address(REENTRANT) &&
                token == address(0) &&
                REENTRANT.attack() == ReentrantReceiver.Attack.Distribute;
        vm.prank(owner);
        try LEDGER.withdrawTo(token, to, amount) {
            if (!nestedDistribution) {
                assertEq(LEDGER.balanceOf(owner, token), balance - amount, "debited by the amount");
            }
            assertEq(_holding(to, token) - receivedBefore, amount, "receiver got the amount");
            if (!isSplit[to]) ghostOut[token] += amount;
            calls["withdrawTo"]++;
        } catch {
            _expectLegitFailure(to, token);
            assertEq(LEDGER.balanceOf(owner, token), balance, "a failed withdrawal keeps the balance");
            calls["withdrawToFailed"]++;
        }
        _checkReentry(reentryBefore);
    }

    /// @notice An actor moves part of its own credit to another owner inside the Ledger (no token moves).
    function giveOwnCreditTo(uint256 ownerSeed, uint256 tokenSeed, uint256 toSeed, uint256 amount) external {
        if (owners.length == 0) return;
        address owner = actors[ownerSeed % actors.length];
        address token = tokens[tokenSeed % 4];
        address to = owners[toSeed % owners.length];
        uint256 balance = LEDGER.balanceOf(owner, token);
        uint256 toBefore = LEDGER.balanceOf(to, token);
        // Sometimes more than it holds: refused, nothing changes.
        amount = bound(amount, 1, balance + 1);
        vm.prank(owner);
        try LEDGER.giveOwnCreditTo(to, token, amount, "gift") {
            if (to != owner) {
                assertEq(LEDGER.balanceOf(owner, token), balance - amount, "debited by the amount");
                assertEq(LEDGER.balanceOf(to, token), toBefore + amount, "credited by the amount");
            } else {
                assertEq(LEDGER.balanceOf(owner, token), balance, "to oneself: unchanged");
            }
            calls["giveOwnCreditTo"]++;
        } catch {
            assertTrue(amount > balance, "refused only above the balance");
            assertEq(LEDGER.balanceOf(owner, token), balance, "a refused move keeps the balance");
            calls["giveOwnCreditToRefused"]++;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Views for the invariants
    // ---------------------------------------------------------------------------------------------

    function ownersLength() external view returns (uint256) {
        return owners.length;
    }

    function splitsLength() external view returns (uint256) {
        return splitList.length;
    }

    function configOf(address split) external view returns (ISplits.SplitConfig memory) {
        return _configs[split];
    }

    /// @notice The sum of all tracked Ledger balances of `token`.
    function sumOfBalances(address token) public view returns (uint256 sum) {
        for (uint256 i; i < owners.length; ++i) {
            sum += LEDGER.balanceOf(owners[i], token);
        }
    }

    /// @notice What split wallets hold of `token` and have not swept into the Ledger yet.
    function heldBySplits(address token) public view returns (uint256 sum) {
        for (uint256 i; i < splitList.length; ++i) {
            sum += _held(splitList[i], token);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Internals
    // ---------------------------------------------------------------------------------------------

    /// @dev The Ledger applies exactly the FeeRouter's rates.
    function _checkRatesMirrored() internal view {
        IPayments.Rates memory r = LEDGER.rates();
        assertEq(r.primaryBps, ROUTER.feeBps(0), "primary fee mirrored");
        assertEq(r.marketBps, ROUTER.feeBps(1), "market fee mirrored");
        assertEq(r.liveBps, ROUTER.feeBps(2), "live fee mirrored");
        assertEq(r.affiliateBps, ROUTER.affiliateShareBps(), "affiliate share mirrored");
        assertEq(r.treasury, ROUTER.treasury(), "treasury mirrored");
    }

    /// @dev The only withdrawals allowed to fail: ETH to the reverting receiver, or ETH to the re-entrant
    ///      receiver when it bubbles up its failed re-entry.
    function _expectLegitFailure(address receiver, address token) internal view {
        bool reverting = receiver == address(REVERTING);
        bool reentrant = receiver == address(REENTRANT) && !REENTRANT.swallow();
        assertTrue(token == address(0) && (reverting || reentrant), "only a hostile ETH receiver may fail");
    }

    /// @dev A nested withdraw/withdrawTo must never succeed; a nested distribute may (it pays shares).
    function _checkReentry(uint256 before) internal view {
        if (REENTRANT.attack() != ReentrantReceiver.Attack.Distribute) {
            assertEq(REENTRANT.reentrySucceeded(), before, "no nested withdrawal ever succeeds");
        }
    }

    function _createSplit(uint256 seed, address controller, bool withAdvance) internal returns (address split) {
        ISplits.SplitConfig memory config = _randomConfig(seed, withAdvance);
        bytes32 salt = bytes32(seed);
        split = SPLITS.predictSplitAddress(config, controller, salt);
        if (isSplit[split]) return split;
        assertEq(SPLITS.createSplit(config, controller, salt), split, "created at the predicted address");
        assertEq(SPLITS.splitState(split).advanceKey, _advanceKey(config), "advanceKey set at creation");
        splitList.push(split);
        isSplit[split] = true;
        _addOwner(split);
        _configs[split] = config;
        controllerOf[split] = controller;
        ghostMaxAdvance[split] = config.advanceAmount;
    }

    /// @dev 1..5 distinct recipients from the owners (other splits included: nested splits), sorted,
    ///      random allocations summing to 1e6, a fee up to 1%, optionally an advance in a random token.
    function _randomConfig(uint256 seed, bool withAdvance) internal view returns (ISplits.SplitConfig memory config) {
        uint256 len = owners.length;
        uint256 k = 1 + (seed % (len < MAX_PICK ? len : MAX_PICK));
        address[] memory picked = new address[](k);
        uint256 count;
        for (uint256 tries; count < k && tries < 4 * k; ++tries) {
            address c = owners[uint256(keccak256(abi.encode(seed, tries))) % len];
            bool dup;
            for (uint256 j; j < count; ++j) {
                if (picked[j] == c) dup = true;
            }
            if (!dup) picked[count++] = c;
        }
        address[] memory recipients = new address[](count);
        for (uint256 i; i < count; ++i) recipients[i] = picked[i];
        for (uint256 i = 1; i < count; ++i) {
            for (uint256 j = i; j > 0 && recipients[j - 1] > recipients[j]; --j) {
                (recipients[j - 1], recipients[j]) = (recipients[j], recipients[j - 1]);
            }
        }
        uint32[] memory allocations = new uint32[](count);
        uint256 remaining = PPM - count;
        for (uint256 i; i < count; ++i) {
            uint256 extra = i == count - 1 ? remaining : uint256(keccak256(abi.encode(seed, "a", i))) % (remaining + 1);
            remaining -= extra;
            allocations[i] = uint32(1 + extra);
        }
        config.recipients = recipients;
        config.allocations = allocations;
        config.distributorFee = uint32(uint256(keccak256(abi.encode(seed, "fee"))) % 10_001);
        if (withAdvance) {
            config.advancer = owners[uint256(keccak256(abi.encode(seed, "adv"))) % len];
            config.advanceToken = tokens[(seed >> 16) % 4];
            config.advanceAmount = 1 + (uint256(keccak256(abi.encode(seed, "amt"))) % _max(config.advanceToken));
        }
    }

    /// @dev The key the Splits store for a configuration's advance (see ISplits.SplitState).
    function _advanceKey(ISplits.SplitConfig memory config) internal pure returns (bytes32) {
        return config.advancer == address(0) ? bytes32(0) : keccak256(abi.encode(config.advancer, config.advanceToken));
    }

    function _addOwner(address owner) internal {
        if (isOwner[owner]) return;
        isOwner[owner] = true;
        owners.push(owner);
    }

    function _fund(address actor, address token, uint256 amount) internal {
        if (token == address(0)) {
            vm.deal(actor, actor.balance + amount);
        } else {
            TestToken(token).mint(actor, amount); // same signature on NoReturnToken
        }
    }

    function _held(address split, address token) internal view returns (uint256) {
        return token == address(0) ? split.balance : TestToken(token).balanceOf(split);
    }

    function _holding(address who, address token) internal view returns (uint256) {
        return token == address(0) ? who.balance : TestToken(token).balanceOf(who);
    }

    function _max(address token) internal view returns (uint256) {
        return token == tokens[2] ? 1e12 : 1e24; // 1e6 "USDC" or 1e6 ether-sized units
    }
}
