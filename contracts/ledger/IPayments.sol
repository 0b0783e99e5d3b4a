// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title IPayments
/// @notice Payments to artists, taken by the Ledger in one step: the platform fee for the product kind is
///         split off (5% of it to the artist's referrer, for life; a share to the affiliate who brought the
///         buyer, if any; the rest to the treasury) and the net is credited to the artist's payout (its
///         Split). Every part is a Ledger credit; the parts add up to the gross.
/// @dev The rules are governed elsewhere and mirrored here so that a payment reads only the Ledger's own
///      storage (the `drops.mint.*` gas goals): the FeeRouter (owner, caps, timelock) writes the rates, the
///      ArtistRegistry writes each artist's payout and referrer. The FeeRouter also names operators:
///      platform contracts (drop collections, the marketplace) that pay on behalf of their buyers.
interface IPayments {
    /// @notice A payment to an artist.
    struct Payment {
        /// @dev Whose funds. An ERC-20 is pulled from it (it approves the Ledger), so it must be the
        ///      caller unless the caller is an operator. For ETH (msg.value) it is the caller's statement.
        address payer;
        /// @dev address(0) for ETH.
        address token;
        uint256 amount;
        /// @dev A registered artist.
        address artist;
        /// @dev Product kind: 0 primary sale, 1 marketplace, 2 live and tips.
        uint8 kind;
        /// @dev Who shared the link, or zero: earns the affiliate share of the fee. Ignored when it is the
        ///      payer itself.
        address affiliate;
        /// @dev Credit tag, e.g. "mint".
        bytes32 source;
        /// @dev What was bought, for the indexer (a drop's token id; zero when none).
        uint256 ref;
    }

    /// @notice A resale (marketplace kind): the creator royalty and the platform fee (5% of it to the
    ///         creator's referrer) come off the price; the seller gets the rest.
    struct Sale {
        /// @dev Whose funds; as in {Payment}.
        address payer;
        /// @dev address(0) for ETH.
        address token;
        uint256 price;
        /// @dev Gets the proceeds: price minus royalty minus fee.
        address seller;
        /// @dev ERC-2981 receiver, or zero for none.
        address royaltyReceiver;
        /// @dev Already capped by the caller (the marketplace caps it at 25% of the price).
        uint256 royalty;
        /// @dev The registered artist behind the collection, for the referral share; zero for none.
        address artist;
        bytes32 source;
        /// @dev What was sold, for the indexer (e.g. a listing id).
        uint256 ref;
    }

    /// @notice How a payment splits.
    struct Quote {
        uint256 fee;
        uint256 referral;
        uint256 affiliateFee;
        uint256 net;
        address treasury;
        address referrer;
        address payout;
    }

    /// @notice The fee rates in force, in one storage word.
    struct Rates {
        address treasury;
        uint16 primaryBps;
        uint16 marketBps;
        uint16 liveBps;
        /// @dev The affiliate's share of the fee, in basis points of the fee.
        uint16 affiliateBps;
    }

    /// @notice The payee of an artist, as the registry set it.
    struct Payee {
        address payout;
        address referrer;
    }

    /// @notice The artist is not registered.
    error Payments_UnknownArtist(address artist);
    /// @notice The product kind is unknown.
    error Payments_UnknownKind(uint8 kind);
    /// @notice The royalty and the fee are more than the price.
    error Payments_RoyaltyTooHigh(uint256 price, uint256 royalty, uint256 fee);
    /// @notice Operator levels are 0, 1 and 2; a factory may only promote a contract without a level.
    error Payments_InvalidLevel(uint8 level);

    /// @notice A {Payment} by `payer` through `operator` (the caller): `fee` to `treasury`, `referral` to
    ///         `referrer` (the artist's; zero when it has none), `affiliateFee` to `affiliate`, and the rest
    ///         (gross minus the three) to `payout` (the artist's). Every credited account is named, so the
    ///         event alone says who got what. One event instead of one credit event per part (gas); the
    ///         indexer derives the credits from it.
    event Paid(
        address indexed artist,
        address indexed payer,
        address indexed token,
        address operator,
        uint8 kind,
        bytes32 source,
        uint256 ref,
        uint256 gross,
        uint256 fee,
        uint256 referral,
        uint256 affiliateFee,
        address affiliate,
        address payout,
        address referrer,
        address treasury
    );
    /// @notice A {Sale} by `payer` through `operator`: `royalty` to `royaltyReceiver`; `fee` is the whole
    ///         platform fee, of which `referral` goes to `referrer` (the artist's; zero when none) and the rest
    ///         to `treasury`; the seller gets price minus royalty minus fee. (Unlike {Paid}, where `fee` is
    ///         the treasury's.)
    event SalePaid(
        address indexed seller,
        address indexed payer,
        address indexed token,
        address operator,
        bytes32 source,
        uint256 ref,
        uint256 price,
        uint256 royalty,
        address royaltyReceiver,
        uint256 fee,
        uint256 referral,
        address artist,
        address referrer,
        address treasury
    );
    /// @notice The FeeRouter set the rates in force.
    event RatesSet(Rates rates);
    /// @notice The registry set an artist's payee.
    event PayeeSet(address indexed artist, address payout, address referrer);
    /// @notice An account's operator level changed (0 none, 1 operator, 2 factory), by the FeeRouter or a factory.
    event OperatorSet(address indexed account, uint8 level, address indexed by);

    /// @notice The FeeRouter: the only writer of the rates and of operator levels.
    function FEE_ROUTER() external view returns (address);

    /// @notice The ArtistRegistry: the only writer of payees.
    function REGISTRY() external view returns (address);

    /// @notice Takes `payment` (ETH by value, an ERC-20 pulled from the payer) and credits its parts.
    /// @dev An ERC-20 that delivers less than `amount` reverts.
    /// @return net What reached the artist's payout.
    function pay(Payment calldata payment) external payable returns (uint256 net);

    /// @notice Takes `sale` (ETH by value, an ERC-20 pulled from the payer) and credits royalty, fee,
    ///         referral and the seller's proceeds.
    /// @dev Reverts when royalty and fee exceed the price.
    /// @return proceeds What reached the seller.
    function paySale(Sale calldata sale) external payable returns (uint256 proceeds);

    /// @notice How a payment of `amount` to `artist` for `kind`, brought by `affiliate` (or zero), splits.
    function quote(address artist, uint8 kind, uint256 amount, address affiliate) external view returns (Quote memory);

    /// @notice The rates in force.
    function rates() external view returns (Rates memory);

    /// @notice The payee of `artist` (zero payout when not registered).
    function payeeOf(address artist) external view returns (Payee memory);

    /// @notice An account's operator level: 1 may {pay} for another payer; 2 may also make the contracts
    ///         it creates operators. Operators can only move funds that payers approved to the Ledger.
    function operatorLevel(address account) external view returns (uint8);

    /// @notice FeeRouter only: sets the rates in force.
    function setRates(Rates calldata rates) external;

    /// @notice Registry only: sets an artist's payee.
    function setPayee(address artist, address payout, address referrer) external;

    /// @notice FeeRouter only: sets an account's operator level.
    function setOperator(address account, uint8 level) external;

    /// @notice Factories (level 2) only: makes a contract the factory created (code, no level yet) an operator.
    function addOperator(address account) external;
}
