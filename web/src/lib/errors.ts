/**
 * Turns anything a wallet or contract call throws into one sentence a person can act on.
 * Custom errors are decoded by viem from the generated ABIs (BaseError.walk ->
 * ContractFunctionRevertedError -> errorName + args), or from revert data found in any layer of the
 * error (lib/rpcErrors.ts), and mapped here; wallet and RPC failures get a sentence of their own.
 */
import {
  BaseError,
  ChainMismatchError,
  ContractFunctionRevertedError,
  InsufficientFundsError,
  UserRejectedRequestError,
  decodeErrorResult,
  type Abi,
  type Hex,
} from "viem";
import { has, hasCode, inspect, meaningfulReason, namedCustomError, revertReason, says } from "./rpcErrors.ts";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  dropFactoryAbi,
  feeRouterAbi,
  ledgerAbi,
  marketplaceAbi,
  poolFactoryAbi,
  revenuePoolAbi,
  rewardsAbi,
  badgesAbi,
  royaltySharesAbi,
  sharesFactoryAbi,
  splitWalletAbi,
  testTokenAbi,
} from "@notalabel/contracts";
import { formatAmount, formatDateTime, formatPpm, shortAddress } from "./format.ts";

/** Every ABI whose custom errors the app can decode (and must have a sentence for, see the tests). */
export const ERROR_ABIS = [
  ledgerAbi,
  artistRegistryAbi,
  feeRouterAbi,
  splitWalletAbi,
  testTokenAbi,
  dropFactoryAbi,
  dropCollectionAbi,
  marketplaceAbi,
  sharesFactoryAbi,
  royaltySharesAbi,
  poolFactoryAbi,
  revenuePoolAbi,
  rewardsAbi,
  badgesAbi,
] as const;

const ALL_ABIS = ERROR_ABIS.flatMap((abi) => abi as Abi) as Abi;

type Args = readonly unknown[];
const s = (v: unknown) => String(v);
const addr = (v: unknown) => shortAddress(String(v));
const n = (v: unknown) => Number(v);
const bps = (v: unknown) => `${n(v) / 100}%`;

/** One sentence per custom error of the platform's contracts. */
export const CUSTOM_ERROR_MESSAGES: Record<string, (args: Args) => string> = {
  // ArtistRegistry
  ArtistRegistry_AlreadyRegistered: () => "This wallet is already registered as an artist.",
  ArtistRegistry_NotRegistered: (a) => `${addr(a[0])} is not a registered artist.`,
  ArtistRegistry_InvalidHandle: (a) =>
    `The handle "${s(a[0])}" is not valid: use 3 to 32 characters of a-z, 0-9 and "-".`,
  ArtistRegistry_HandleTaken: (a) => `The handle "${s(a[0])}" is already taken. Pick another one.`,
  ArtistRegistry_UnknownReferralCode: (a) => `No artist has the referral code "${s(a[0])}".`,
  ArtistRegistry_SelfReferral: () => "You cannot use your own handle as referral code.",
  // Ledger
  Ledger_ZeroAddress: () => "An address is missing (the zero address is not allowed).",
  Ledger_ValueMismatch: () => "The ETH sent does not match the amount.",
  Ledger_AmountMismatch: () =>
    "The token delivered less than the declared amount (fee-on-transfer tokens are not supported here).",
  Ledger_InsufficientBalance: (a) =>
    `The balance is too low: ${formatAmount(a[2] as bigint, 18)} available, ${formatAmount(a[3] as bigint, 18)} needed.`,
  Ledger_Unauthorized: () => "This contract is not allowed to make that call.",
  Ledger_ZeroAmount: () => "There is nothing to withdraw: the balance is zero.",
  Ledger_EthTransferFailed: (a) =>
    `Sending ETH to ${addr(a[0])} failed; the balance is kept and can be withdrawn later.`,
  // FeeRouter
  FeeRouter_UnknownKind: () => "Unknown product kind.",
  FeeRouter_AboveCap: () => "That fee is above the hard cap.",
  FeeRouter_NoPendingChange: () => "No fee change is pending.",
  FeeRouter_TimelockActive: () => "The fee change is still timelocked.",
  FeeRouter_ZeroAmount: () => "The amount must be above zero.",
  FeeRouter_ZeroAddress: () => "An address is missing.",
  FeeRouter_AffiliateAboveCap: (a) =>
    `The affiliate share is at most ${bps(a[1])} of the fee (${bps(a[0])} was asked).`,
  FeeRouter_ChangeExpired: (a) =>
    `This fee change expired on ${formatDateTime(n(a[2]))}, 14 days after it could apply. Propose it again.`,
  FeeRouter_TimelockTooShort: (a) => `The timelock must be at least ${s(a[1])} seconds (${s(a[0])} was given).`,
  FeeRouter_InvalidLevel: (a) => `Operator levels are 1 (operator) and 2 (factory); ${s(a[0])} was given.`,
  FeeRouter_NotAContract: (a) =>
    `${addr(a[0])} is not a contract: only platform contracts can be operators, never a wallet.`,
  FeeRouter_NoPendingOperator: (a) => `No operator naming is pending for ${addr(a[0])}.`,
  FeeRouter_OperatorTimelockActive: (a) =>
    `Naming ${addr(a[0])} as an operator is timelocked until ${formatDateTime(n(a[1]))}.`,
  FeeRouter_OperatorExpired: (a) =>
    `Naming ${addr(a[0])} as an operator expired on ${formatDateTime(n(a[2]))}. Propose it again.`,
  FeeRouter_SetupClosed: () =>
    "The deployment's set-up is closed: operators are now named through the timelock (proposeOperator).",
  // Payments (in the Ledger)
  Payments_UnknownArtist: (a) => `${addr(a[0])} is not a registered artist, so it cannot be paid through the platform.`,
  Payments_UnknownKind: (a) => `Unknown product kind (${s(a[0])}).`,
  Payments_InvalidLevel: (a) => `Operator levels are 0, 1 and 2 (${s(a[0])} was given).`,
  Payments_RoyaltyTooHigh: () => "The royalty and the platform fee together are more than the price.",
  // Marketplace
  Market_NotSeller: () => "Only the seller can do this with the listing.",
  Market_InvalidListing: () =>
    "A listing needs a price, a quantity (exactly 1 for an ERC-721) and an expiry in the future.",
  Market_AlreadyListed: () => "These exact terms are listed already.",
  Market_NotListed: () => "This listing is no longer available: it was sold or cancelled.",
  Market_Expired: (a) => `This listing or offer expired on ${formatDateTime(Number(a[1]))}.`,
  Market_TermsChanged: () => "The listing's price or currency is not the one you accepted. Reload to see its terms.",
  Market_QuantityUnavailable: (a) => `Only ${s(a[1])} are left (you asked for ${s(a[0])}).`,
  Market_SellerNotOwner: () => "The seller no longer holds this token, so the listing cannot be bought.",
  Market_NotApproved: () => "The seller no longer lets the marketplace transfer this token.",
  Market_WrongPayment: () => "The amount sent is not the listing's total price.",
  Market_UnexpectedToken: () => "The marketplace only takes tokens it moves itself; send tokens to a wallet instead.",
  // Marketplace: offers
  Market_NotBuyer: () => "Only the wallet that made the offer can cancel it.",
  Market_InvalidOffer: () =>
    "An offer needs a price, a quantity (exactly 1 for an ERC-721), an ERC-20 currency (not ETH) and an expiry in the future.",
  Market_AlreadyOffered: () => "You already made an offer with these exact terms.",
  Market_NoOffer: () => "This offer is no longer open: it was accepted or cancelled.",
  Market_WrongToken: (a) => `This offer is for another token than #${s(a[0])}.`,
  Market_OfferUnfunded: () =>
    "The buyer no longer holds, or no longer approves to the Ledger, enough to pay this offer, so it cannot be accepted now.",
  // Marketplace: auctions
  Market_InvalidAuction: () =>
    "An auction needs a reserve, a quantity (exactly 1 for an ERC-721), a duration between 15 minutes and 30 days and a minimum raise of at most 100%.",
  Market_NotAuctionSeller: () => "Only the auction's seller can do this.",
  Market_AuctionExists: () => "An auction with these exact terms exists already.",
  Market_NoAuction: () => "This auction is not running: it was cancelled or never created.",
  Market_AuctionEnded: (a) => `The auction ended on ${formatDateTime(n(a[1]))}: no more bids. It can be settled now.`,
  Market_AuctionNotEnded: (a) =>
    n(a[1]) === 0
      ? "The auction has no bid yet, so it cannot be settled."
      : `The auction runs until ${formatDateTime(n(a[1]))}; settle it after that.`,
  Market_AuctionSettled: () => "This auction was settled already.",
  Market_BidTooLow: () =>
    "The bid is below the lowest the auction takes now (the reserve, or the last bid plus the minimum raise). Reload: someone may have bid.",
  Market_SellerCannotBid: () => "You cannot bid on your own auction.",
  Market_AuctionHasBids: () => "The auction has a bid: it can no longer be cancelled.",
  Market_TransferShortfall: () =>
    "The token delivered less than the bid (fee-on-transfer tokens cannot be used in auctions).",
  Market_NothingToClaim: () => "There is nothing to claim: only the winner can claim a token that waits for them.",
  Market_BadRecipient: () => "Claim the token to your own wallet or another address, not to the marketplace.",
  Market_AuctionUnwound: () =>
    "This auction was unwound: the bid went back to the bidder's balance and the token to the seller.",
  Market_UnwindTooEarly: (a) =>
    `An auction can be unwound only if it is still unsettled 14 days after its end: from ${formatDateTime(n(a[1]))}.`,
  Market_SettleGas: () =>
    "The settlement needs more gas so the token reaches the winner. Try again with the suggested gas limit.",
  // Drops: the factory
  DropFactory_NotRegistered: () => "Register as an artist before creating a drop collection.",
  DropFactory_AlreadyCreated: (a) => `This artist already has a drop collection, at ${addr(a[1])}.`,
  // Drops: a collection's sales
  DropCollection_NotArtist: () => "Only the collection's artist can do this. Connect the artist's wallet.",
  DropCollection_MinterNotPlatform: (a) =>
    `${addr(a[0])} cannot be allowed to mint: only the platform's card checkout minter can be (it is allowed in every new collection).`,
  DropCollection_NotMinter: (a) => `${addr(a[0])} is not allowed to mint card orders for this collection.`,
  DropCollection_UnknownEdition: (a) => `This collection has no edition #${s(a[0])}.`,
  DropCollection_ZeroQuantity: () => "Mint at least 1.",
  DropCollection_ZeroAddress: () => "An address is missing (the zero address is not allowed).",
  DropCollection_SalePaused: () => "The artist paused this sale. Minting is possible again when they resume it.",
  DropCollection_SaleNotStarted: (a) => `The sale has not started: it opens on ${formatDateTime(n(a[1]))}.`,
  DropCollection_SaleEnded: (a) => `The sale ended on ${formatDateTime(n(a[1]))}.`,
  DropCollection_PresaleNotActive: () =>
    "The presale is not running: it has not opened yet, or the public sale has begun. Reload the page.",
  DropCollection_SoldOut: (a) =>
    BigInt(a[2] as bigint) === 0n
      ? "Sold out: none are left."
      : `Only ${s(a[2])} left: lower the quantity (you asked for ${s(a[1])}).`,
  DropCollection_WalletCapExceeded: (a) => {
    const cap = BigInt(a[2] as bigint);
    const already = BigInt(a[3] as bigint);
    const left = cap > already ? cap - already : 0n;
    return left === 0n
      ? `This wallet already minted ${already}, the most one wallet can mint here (${cap}).`
      : `Over the wallet cap: this wallet can mint ${left} more (at most ${cap} per wallet, it already minted ${already}).`;
  },
  DropCollection_WrongPayment: (a) =>
    BigInt(a[0] as bigint) === 0n
      ? "This edition is paid in a token, not in ETH: send no ETH with the mint."
      : `The ETH sent must be exactly the price: ${formatAmount(a[0] as bigint, 18, 18)} ETH, not ${formatAmount(
          a[1] as bigint,
          18,
          18,
        )}. Reload the page: the price may have changed.`,
  // The amounts are in the edition's currency, which the error does not name: no figures here.
  DropCollection_PriceAboveMax: () =>
    "The artist raised the price after this page loaded, so the mint was refused and nothing was charged. Reload the page to see the new price.",
  DropCollection_NotAllowlisted: (a) => `${addr(a[1])} is not on this presale's allowlist.`,
  DropCollection_OrderAlreadyMinted: () => "This card order was already minted.",
  DropCollection_RoyaltyTooHigh: (a) => `The royalty is at most ${bps(a[1])} (${bps(a[0])} was asked).`,
  DropCollection_InvalidWindow: () =>
    "The sale window is not valid: the end must be after the start, and a presale must open before the public sale.",
  DropCollection_InvalidSupply: (a) =>
    `The supply can only shrink, and never below the ${s(a[3])} already minted (it is ${
      n(a[1]) === 0 ? "an open edition" : s(a[1])
    }, ${n(a[2]) === 0 ? "open" : s(a[2])} was asked).`,
  DropCollection_Locked: () => "The currency and the metadata cannot change after the first mint.",
  DropCollection_SaleRunning: () => "The sale has started: its start cannot change, and it can only end earlier.",
  // Income vaults (royalty shares and revenue pools)
  Income_UnsupportedCurrency: (a) =>
    BigInt(String(a[0])) === 0n
      ? "This vault does not take that currency."
      : `This vault only takes ETH and its own currency, not ${addr(a[0])}.`,
  Income_SupportedCurrency: () => "That currency is the vault's income: holders claim it, nobody can release it.",
  Income_NothingToClaim: () =>
    "There is nothing to claim yet: no income has arrived for these units since the last claim.",
  Income_ZeroAmount: () => "The amount must be above zero.",
  Income_ValueMismatch: () => "The ETH sent does not match the amount.",
  Income_TooMuch: () =>
    "This income is too large for the vault's exact accounting; nothing was taken. Send it in parts.",
  Income_TransferFailed: (a) =>
    `Paying ETH to ${addr(a[0])} failed (a contract that refuses ETH). Claim to another address instead.`,
  Income_BadReceiver: () => "Claim to a wallet, not to the zero address or the vault itself.",
  Income_NotBeneficiary: () =>
    "Only the artist of these shares (or the admin of this pool) can release tokens the vault does not account.",
  // Royalty shares
  SharesFactory_NotRegistered: () => "Register as an artist before creating shares.",
  SharesFactory_InvalidSupply: (a) => `The supply must be between 1 and 1,000,000,000 shares (${s(a[0])} was asked).`,
  SharesFactory_InvalidOffering: () =>
    "The offering is not valid: it needs a price, at most the supply for sale, and an end after its start.",
  Shares_OfferingClosed: (a) => {
    const window = [
      n(a[0]) > 0 ? `opens on ${formatDateTime(n(a[0]))}` : null,
      n(a[1]) > 0 ? `closes on ${formatDateTime(n(a[1]))}` : null,
    ].filter(Boolean);
    return `The offering is not open: it has not opened yet, has closed, is sold out or was ended by the artist${
      window.length ? ` (it ${window.join(" and ")})` : ""
    }.`;
  },
  Shares_SoldOut: (a) =>
    BigInt(a[1] as bigint) === 0n
      ? "Sold out: no shares are left in the offering."
      : `Only ${s(a[1])} shares are left: lower the amount (you asked for ${s(a[0])}).`,
  Shares_WalletCap: (a) => {
    const cap = BigInt(a[1] as bigint);
    const bought = BigInt(a[2] as bigint);
    const left = cap > bought ? cap - bought : 0n;
    return left === 0n
      ? `This wallet already bought ${bought} shares, the most one wallet can buy here.`
      : `Over the wallet cap: this wallet can buy ${left} more (at most ${cap} per wallet).`;
  },
  Shares_WrongPayment: (a) =>
    BigInt(a[1] as bigint) !== 0n && BigInt(a[0] as bigint) !== 0n && BigInt(a[0] as bigint) !== BigInt(a[1] as bigint)
      ? `The ETH sent must be exactly the price: ${formatAmount(a[1] as bigint, 18, 18)} ETH. Reload the page.`
      : "The payment does not match the price: send exactly the price in ETH, or no ETH for a token offering.",
  Shares_PriceAboveMax: () =>
    "The price of a share is above the one you were shown: nothing was bought. Reload the page to see the price.",
  Shares_NotArtist: () => "Only the artist who created these shares can do this. Connect the artist's wallet.",
  Shares_Reserved: (a) =>
    `${s(a[0])} of your shares are reserved for the running offering: you can move at most ${
      BigInt(a[1] as bigint) > BigInt(a[0] as bigint) ? BigInt(a[1] as bigint) - BigInt(a[0] as bigint) : 0n
    } until it ends.`,
  Shares_ZeroAmount: () => "Buy at least 1 share.",
  // Revenue pools
  PoolFactory_NotRegistered: () => "Register as an artist before creating a pool.",
  PoolFactory_InvalidBudget: (a) => `At most 50% of every income can go to the budget (${bps(a[0])} was asked).`,
  PoolFactory_EmptyName: () => "Name the pool.",
  Pool_NotMember: () => "Only a member of this pool can do this.",
  Pool_AlreadyMember: () => "This wallet is already a member of the pool.",
  Pool_NotAdmin: () => "Only the pool's admin can decide this.",
  Pool_AdminDecides: () => "In this pool the admin decides join requests: members do not vote on them.",
  Pool_MembersDecide: () => "In this pool members decide this by vote, not the admin.",
  Pool_UnknownProposal: (a) => `The pool has no proposal #${s(a[0])}.`,
  Pool_ProposalClosed: (a) =>
    `Proposal #${s(a[0])} is closed: it was decided or its voting period ended. Reload the page.`,
  Pool_AlreadyVoted: (a) => `You already voted on proposal #${s(a[0])}.`,
  Pool_NotElector: (a) => `You joined after proposal #${s(a[0])} was made: only the members of that moment vote on it.`,
  Pool_InvalidWeight: (a) => `The weight must be 1 under the equal rule, or 1 to 1,000 (${s(a[0])} was asked).`,
  Pool_TooManyMembers: (a) => `The pool is full: at most ${s(a[0])} members.`,
  Pool_BudgetTooLow: () =>
    "The budget holds less than this spend: it can pass once more income has reached the budget.",
  Pool_ZeroAddress: () => "Enter the recipient's address (not the zero address).",
  // Splits
  Splits_NoRecipients: () => "Add at least one recipient.",
  Splits_TooManyRecipients: (a) => `Too many recipients: ${s(a[0])} (at most ${s(a[1])}).`,
  Splits_LengthMismatch: () => "Every recipient needs exactly one share.",
  Splits_ZeroAddress: (a) => `Recipient ${Number(a[0]) + 1} is the zero address.`,
  Splits_RecipientsNotSorted: () => "Recipients must be sorted by address.",
  Splits_DuplicateRecipient: (a) => `${addr(a[0])} appears twice in the recipients.`,
  Splits_ZeroAllocation: (a) => `Recipient ${Number(a[0]) + 1} needs a share above 0%.`,
  Splits_InvalidTotal: (a) => `Shares must add up to 100% (they add up to ${formatPpm(Number(a[0]))}).`,
  Splits_DistributorFeeTooHigh: () => "The distributor reward is at most 1%.",
  Splits_InvalidAdvance: () => "An advance needs both an advancer and an amount.",
  Splits_AlreadyExists: (a) =>
    `This exact split already exists at ${addr(a[0])}. Change the salt or a share to create another.`,
  Splits_UnknownSplit: (a) => `${addr(a[0])} is not a split.`,
  Splits_ConfigMismatch: () => "The split was updated since this page loaded. Reload to use its current recipients.",
  Splits_NotController: () => "Only the split's controller can do this. Connect the controller's wallet.",
  Splits_NotPendingController: () => "Only the wallet that was offered control can accept it.",
  Splits_Immutable: () => "This split is immutable: nobody can change it any more.",
  SplitWallet_OnlyLedger: () => "Only the Ledger may move a split wallet's funds.",
  // OpenZeppelin errors the platform's contracts can raise
  OwnableUnauthorizedAccount: () => "Only the platform owner can do this.",
  // Rewards and badges (contracts/rewards).
  Rewards_ZeroAddress: () => "An address is missing.",
  Rewards_NotSigner: () => "Only the rewards signer can post rewards.",
  Rewards_Paused: () => "Rewards are paused by the treasury for now. Try again later.",
  Rewards_EpochNotIncreasing: (a) => `Rewards for block ${s(a[0])} come too late: block ${s(a[1])} was posted already.`,
  Rewards_ZeroRoot: () => "A batch of rewards needs a root.",
  Rewards_AboveEpochCap: () => "This batch of rewards is above the most one batch may pay.",
  Rewards_AboveAvailable: () => "The rewards budget does not hold enough for this.",
  Rewards_UnknownEpoch: (a) => `No rewards were posted for batch ${s(a[0])}.`,
  Rewards_NotClaimableYet: (a) => `This reward can be claimed from ${formatDateTime(n(a[1]))}.`,
  Rewards_Revoked: () => "This batch of rewards was revoked by the treasury: it will be posted again if it is due.",
  Rewards_AlreadyClaimable: () => "This batch of rewards is claimable already, so it can no longer be revoked.",
  Rewards_AlreadyPaid: () => "This reward was paid already.",
  Rewards_InvalidProof: () => "This reward is not in the posted batch. Reload the page to get its current proof.",
  Rewards_AboveEpochTotal: () => "This batch of rewards has paid all it promised.",
  Rewards_DelayOutOfRange: () => "The rewards delay must be between 1 hour and 30 days.",
  Rewards_CapTooLarge: () => "This cap per batch of rewards is too large.",
  Rewards_ZeroAmount: () => "The amount must be above zero.",
  Rewards_AmountMismatch: () =>
    "The token delivered less than the amount sent: tokens with a transfer fee are refused.",
  Rewards_AmountTooLarge: () => "This amount is too large for the rewards budget.",
  Badges_ZeroAddress: () => "An address is missing.",
  Badges_NoBadge: () => "This reward comes without a badge.",
  Badges_AlreadyClaimed: () => "This wallet holds this badge already.",
  Badges_InvalidProof: () => "This badge is not in the posted batch. Reload the page to get its current proof.",
  Badges_Soulbound: () => "Badges stay with the wallet that earned them: they cannot be transferred.",
  OwnableInvalidOwner: () => "That owner address is not valid.",
  ReentrancyGuardReentrantCall: () => "The call tried to re-enter the contract and was stopped.",
  SafeERC20FailedOperation: (a) => `The token ${addr(a[0])} refused the transfer.`,
  FailedDeployment: () => "Creating the split's address failed.",
  FailedCall: () => "One call of the batch failed, so none of it happened.",
  AddressEmptyCode: (a) => `${addr(a[0])} has no contract code, so the batched call could not run.`,
  InsufficientBalance: () => "The contract does not hold enough funds for this.",
  ERC20InsufficientAllowance: () => "The token allowance is too low: approve the Ledger for this amount first.",
  ERC20InsufficientBalance: () => "Your token balance is too low for this amount.",
  ERC20InvalidApprover: () => "Invalid token approver.",
  ERC20InvalidReceiver: () => "Invalid token receiver.",
  ERC20InvalidSender: () => "Invalid token sender.",
  ERC20InvalidSpender: () => "Invalid token spender.",
  ERC1155InvalidReceiver: (a) =>
    `${addr(a[0])} cannot receive these tokens (a contract that does not accept ERC-1155 tokens). Mint to a regular wallet.`,
  ERC1155InsufficientBalance: () => "This wallet does not hold enough of this token.",
  ERC1155InvalidApprover: () => "Invalid token approver.",
  ERC1155InvalidOperator: () => "Invalid token operator.",
  ERC1155InvalidSender: () => "Invalid token sender.",
  ERC1155InvalidArrayLength: () => "Every token id needs exactly one amount.",
  ERC1155MissingApprovalForAll: () => "This wallet is not approved to move these tokens.",
  ERC2981InvalidDefaultRoyalty: () => "The royalty is above 100%.",
  ERC2981InvalidDefaultRoyaltyReceiver: () => "The royalty needs a receiver.",
  ERC2981InvalidTokenRoyalty: () => "The royalty is above 100%.",
  ERC2981InvalidTokenRoyaltyReceiver: () => "The royalty needs a receiver.",
  SafeCastOverflowedIntDowncast: () => "An amount is too large for the vault's accounting.",
  SafeCastOverflowedUintDowncast: () => "An amount is too large for the vault's accounting.",
  InvalidInitialization: () => "This collection is already initialized.",
  NotInitializing: () => "This collection is not being initialized.",
  CloneArgumentsTooLong: () => "Creating the collection failed (its arguments are too long).",
  Create2EmptyBytecode: () => "Creating the collection failed.",
};

/** The sentence for a decoded custom error, or a generic one naming it. */
export function customErrorMessage(errorName: string, args: Args = []): string {
  const f = CUSTOM_ERROR_MESSAGES[errorName];
  return f ? f(args) : `The contract refused the transaction (${errorName}).`;
}

/** The sentence for raw revert data of one of the platform's errors, or null. */
function decodeRaw(raw: Hex | undefined): string | null {
  if (!raw || raw === "0x") return null;
  try {
    const decoded = decodeErrorResult({ abi: ALL_ABIS, data: raw });
    if (decoded.errorName === "Error" || decoded.errorName === "Panic") return null;
    return customErrorMessage(decoded.errorName, decoded.args ?? []);
  } catch {
    return null; // not one of ours
  }
}

const REJECTED = "You rejected the request in your wallet. Nothing was sent.";
const NETWORK = "The network did not answer, so nothing was sent. Check your connection, then try again in a moment.";
const REFUSED =
  "Your wallet or the network refused the request without saying why, so nothing was sent. Reload the page and try again; if it keeps failing, reconnect your wallet.";

/** Whether the person declined the request in their wallet. */
export function isUserRejection(err: unknown, f = inspect(err)): boolean {
  return (
    err instanceof UserRejectedRequestError ||
    (err instanceof BaseError && !!err.walk((e) => e instanceof UserRejectedRequestError)) ||
    has(f, "UserRejectedRequestError") ||
    hasCode(f, 4001) ||
    says(f, /user (rejected|denied)|rejected the request|denied (transaction|message) signature|ACTION_REJECTED/i)
  );
}

/** Human-readable failure of a wallet / contract call: one sentence, never a node's raw words. */
export function errorMessage(err: unknown, expectedChainName?: string): string {
  const f = inspect(err);
  if (isUserRejection(err, f)) return REJECTED;
  if (err instanceof BaseError && err.walk((e) => e instanceof ChainMismatchError))
    return `Your wallet is on the wrong network. Switch to ${expectedChainName ?? "the app's network"} and try again.`;

  // The contract's own reason comes first: a custom error decoded by viem, revert data found anywhere, a
  // custom error or a reason string named in a node's message.
  const reverted = err instanceof BaseError ? err.walk((e) => e instanceof ContractFunctionRevertedError) : null;
  if (reverted instanceof ContractFunctionRevertedError) {
    const name = reverted.data?.errorName;
    if (name && name !== "Error" && name !== "Panic") return customErrorMessage(name, reverted.data?.args ?? []);
    // An error the called contract's ABI does not declare (e.g. the token's, bubbled up through the Ledger).
    const decoded = decodeRaw(reverted.raw);
    if (decoded) return decoded;
  }
  for (const raw of f.data) {
    const decoded = decodeRaw(raw);
    if (decoded) return decoded;
  }
  const named = namedCustomError(f);
  if (named) return customErrorMessage(named.name, named.args);
  const reason =
    (reverted instanceof ContractFunctionRevertedError && !/custom error|panic code/i.test(reverted.reason ?? "")
      ? meaningfulReason(reverted.reason)
      : null) ?? revertReason(f);
  if (reason) return `The contract refused the transaction: ${reason}. Nothing was sent.`;

  if (err instanceof BaseError && err.walk((e) => e instanceof InsufficientFundsError))
    return "Your wallet does not hold enough ETH for this amount plus gas.";
  if (says(f, /insufficient funds|doesn't have enough funds/i))
    return "Your wallet does not hold enough ETH for this amount plus gas.";
  if (has(f, "WaitForTransactionReceiptTimeoutError"))
    return "The transaction was sent but is not confirmed yet. Check your wallet's activity before trying again, so you do not pay twice.";
  if (has(f, "NonceTooLowError", "NonceTooHighError") || says(f, /nonce too (low|high)|nonce has already been used/i))
    return "Your wallet's transaction count is out of step with the network, so nothing was sent. Wait for your pending transactions, or reset your wallet's activity for this network, then try again.";
  if (has(f, "ResourceUnavailableRpcError") || hasCode(f, -32002) || says(f, /already pending/i))
    return "Your wallet already has a request waiting. Open your wallet and answer it first.";
  if (has(f, "LimitExceededRpcError") || hasCode(f, -32005, 429))
    return "The network is busy and limited this request. Nothing was sent; wait a moment and try again.";
  if (has(f, "UnauthorizedProviderError") || hasCode(f, 4100))
    return "Your wallet has not given this site access to the account. Connect again and approve the connection.";
  if (has(f, "SwitchChainError", "UnsupportedChainIdError") || hasCode(f, 4902))
    return `Your wallet could not switch to ${expectedChainName ?? "the app's network"}. Add the network in your wallet, or switch by hand, then try again.`;
  if (
    has(f, "MethodNotSupportedRpcError", "MethodNotFoundRpcError", "UnsupportedProviderMethodError") ||
    hasCode(f, 4200, -32601)
  )
    return "Your wallet does not support this request. Try another wallet.";
  if (
    has(
      f,
      "FeeCapTooLowError",
      "FeeCapTooHighError",
      "TipAboveFeeCapError",
      "IntrinsicGasTooLowError",
      "IntrinsicGasTooHighError",
    ) ||
    says(f, /max fee per gas less than block base fee|intrinsic gas too low|gas required exceeds allowance|fee cap/i)
  )
    return "The network refused the transaction's fee settings, so nothing was sent. Let your wallet set the fees and try again.";
  if (
    has(
      f,
      "HttpRequestError",
      "TimeoutError",
      "SocketClosedError",
      "WebSocketRequestError",
      "ChainDisconnectedError",
      "ProviderDisconnectedError",
    ) ||
    hasCode(f, 4900, 4901) ||
    says(f, /failed to fetch|fetch failed|networkerror|network request failed|load failed/i)
  )
    return NETWORK;
  // viem files every -32603 under "reverted"; only a node that says so (code 3, "execution reverted") means
  // the contract refused. A wallet's bare -32603 on sending, after the simulation passed, is the wallet's.
  if (has(f, "ExecutionRevertedError") || hasCode(f, 3) || says(f, /execution reverted|reverted without a reason/i))
    return "The contract refused the transaction without giving a reason, so nothing was sent. Reload the page: what it shows may have changed.";
  if (err instanceof BaseError) return REFUSED;
  // A wallet's own error object ({ code, message }), not wrapped by viem.
  if (f.codes.length || says(f, /json-rpc|rpc error/i)) return REFUSED;
  if (err instanceof Error && err.message) return err.message;
  return "Something went wrong.";
}
