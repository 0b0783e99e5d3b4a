/**
 * Artist registration checks, run before anything is sent: the format rules of
 * ArtistRegistry._validHandle, then what the registry says (taken handle, unknown code, self-referral).
 */
import { isAddress, type Address } from "viem";
import { z } from "zod";

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 32;

/** The format problem of a handle, or null (3-32 of a-z 0-9 '-', not starting/ending with '-'). */
export function handleFormatError(handle: string): string | null {
  if (handle.length === 0) return "Choose a handle.";
  if (handle.length < HANDLE_MIN) return `At least ${HANDLE_MIN} characters.`;
  if (handle.length > HANDLE_MAX) return `At most ${HANDLE_MAX} characters.`;
  if (/[A-Z]/.test(handle)) return "Use lowercase letters only.";
  if (!/^[a-z0-9-]+$/.test(handle)) return 'Use only a-z, 0-9 and "-".';
  if (handle.startsWith("-") || handle.endsWith("-")) return 'A handle cannot start or end with "-".';
  return null;
}

/** Referral code from `?ref=`: trimmed, lowercased, and dropped when it cannot be a handle. */
export function referralFromQuery(ref: string | string[] | undefined | null): string {
  const v = (Array.isArray(ref) ? ref[0] : ref)?.trim().toLowerCase() ?? "";
  return handleFormatError(v) === null ? v : "";
}

export const profileUriSchema = z
  .string()
  .trim()
  .max(512, "At most 512 characters.")
  .refine(
    (v) => v === "" || /^((https?|ipfs|ar):\/\/\S+|data:application\/json,.+)$/.test(v),
    "Use an https://, ipfs://, ar:// or data:application/json, link.",
  );

export type OnboardInput = { handle: string; profileURI: string; payout: string; referralCode: string };

/** What the registry (and the Splits contract) said about the input, read before sending. */
export type RegistryFacts = {
  accountRegistered: boolean;
  handleOwner: Address | null;
  referrer: Address | null;
  /** Whether `payout` is an existing split (configHash != 0); undefined when no payout was given. */
  payoutIsSplit?: boolean;
};

export type OnboardErrors = Partial<Record<keyof OnboardInput | "form", string>>;

/** Errors that need no chain read. */
export function localOnboardErrors(input: OnboardInput): OnboardErrors {
  const errors: OnboardErrors = {};
  const h = handleFormatError(input.handle);
  if (h) errors.handle = h;
  const uri = profileUriSchema.safeParse(input.profileURI);
  if (!uri.success) errors.profileURI = uri.error.issues[0]?.message ?? "Invalid link.";
  if (input.payout.trim() !== "" && !isAddress(input.payout.trim(), { strict: false }))
    errors.payout = "This is not an address. Leave it empty to be paid at your own address.";
  if (input.referralCode !== "" && handleFormatError(input.referralCode))
    errors.referralCode = "A referral code is an artist's handle (a-z, 0-9, '-').";
  return errors;
}

/** Errors the registry would revert with, explained before sending. */
export function registryOnboardErrors(input: OnboardInput, facts: RegistryFacts, account: Address): OnboardErrors {
  const errors: OnboardErrors = {};
  if (facts.accountRegistered) errors.form = "This wallet is already registered as an artist.";
  if (facts.handleOwner) {
    errors.handle =
      facts.handleOwner.toLowerCase() === account.toLowerCase()
        ? "You already hold this handle."
        : `The handle "${input.handle}" is already taken. Pick another one.`;
  }
  if (input.referralCode !== "") {
    if (!facts.referrer)
      errors.referralCode = `No artist has the referral code "${input.referralCode}". Check the link, or leave it empty.`;
    else if (facts.referrer.toLowerCase() === account.toLowerCase()) errors.referralCode = "You cannot refer yourself.";
  }
  if (facts.payoutIsSplit === false)
    errors.payout = "This address is not a split created on Not a Label. Create one at /splits/new, or leave it empty.";
  return errors;
}
