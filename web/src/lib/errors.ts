/**
 * Turns anything a wallet or contract call throws into one sentence a person can act on.
 * Custom errors are decoded by viem from the generated ABIs (BaseError.walk ->
 * ContractFunctionRevertedError -> errorName + args) and mapped here.
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
import { artistRegistryAbi, feeRouterAbi, ledgerAbi, splitWalletAbi, testTokenAbi } from "@notalabel/contracts";
import { formatAmount, formatPpm, shortAddress } from "./format.ts";

const ALL_ABIS = [...ledgerAbi, ...artistRegistryAbi, ...feeRouterAbi, ...splitWalletAbi, ...testTokenAbi] as Abi;

type Args = readonly unknown[];
const s = (v: unknown) => String(v);
const addr = (v: unknown) => shortAddress(String(v));

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
  FeeRouter_UnknownArtist: (a) =>
    `${addr(a[0])} is not a registered artist, so it cannot be paid through the platform.`,
  FeeRouter_ZeroAmount: () => "The amount must be above zero.",
  FeeRouter_ZeroAddress: () => "An address is missing.",
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
  OwnableInvalidOwner: () => "That owner address is not valid.",
  ReentrancyGuardReentrantCall: () => "The call tried to re-enter the contract and was stopped.",
  SafeERC20FailedOperation: (a) => `The token ${addr(a[0])} refused the transfer.`,
  FailedDeployment: () => "Creating the split's address failed.",
  InsufficientBalance: () => "The contract does not hold enough funds for this.",
  ERC20InsufficientAllowance: () => "The token allowance is too low: approve the Ledger for this amount first.",
  ERC20InsufficientBalance: () => "Your token balance is too low for this amount.",
  ERC20InvalidApprover: () => "Invalid token approver.",
  ERC20InvalidReceiver: () => "Invalid token receiver.",
  ERC20InvalidSender: () => "Invalid token sender.",
  ERC20InvalidSpender: () => "Invalid token spender.",
};

/** The sentence for a decoded custom error, or a generic one naming it. */
export function customErrorMessage(errorName: string, args: Args = []): string {
  const f = CUSTOM_ERROR_MESSAGES[errorName];
  return f ? f(args) : `The contract refused the transaction (${errorName}).`;
}

function findRevertData(err: BaseError): Hex | undefined {
  let data: Hex | undefined;
  err.walk((e) => {
    const d = (e as { data?: unknown }).data;
    if (typeof d === "string" && /^0x[0-9a-fA-F]{8,}$/.test(d)) data = d as Hex;
    else if (d && typeof d === "object" && typeof (d as { data?: unknown }).data === "string")
      data = (d as { data: Hex }).data;
    return false;
  });
  return data;
}

/** Human-readable failure of a wallet / contract call. */
export function errorMessage(err: unknown, expectedChainName?: string): string {
  if (err instanceof BaseError) {
    if (err.walk((e) => e instanceof UserRejectedRequestError) || /user (rejected|denied)/i.test(err.message))
      return "You rejected the request in your wallet. Nothing was sent.";
    if (err.walk((e) => e instanceof ChainMismatchError))
      return `Your wallet is on the wrong network. Switch to ${expectedChainName ?? "the app's network"} and try again.`;
    if (err.walk((e) => e instanceof InsufficientFundsError))
      return "Your wallet does not hold enough ETH for this amount plus gas.";
    const reverted = err.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const name = reverted.data?.errorName;
      if (name && name !== "Error" && name !== "Panic") return customErrorMessage(name, reverted.data?.args ?? []);
      if (reverted.reason) return `The transaction would fail: ${reverted.reason}.`;
    }
    const raw = findRevertData(err);
    if (raw) {
      try {
        const decoded = decodeErrorResult({ abi: ALL_ABIS, data: raw });
        return customErrorMessage(decoded.errorName, decoded.args ?? []);
      } catch {
        /* not one of ours */
      }
    }
    return err.shortMessage || err.message;
  }
  if (err instanceof Error) {
    if (/user (rejected|denied)/i.test(err.message))
      return "You rejected the request in your wallet. Nothing was sent.";
    return err.message;
  }
  return "Something went wrong.";
}
