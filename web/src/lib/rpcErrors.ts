/**
 * What a wallet or an RPC node says when a request fails, read from every layer of the error: viem's error
 * classes, the EIP-1193 / JSON-RPC codes, and the texts nodes put in messages. Wallets often wrap the node's
 * real answer in "Internal JSON-RPC error." (-32603) and keep it in `data` or `data.originalError`, so
 * every layer is searched. Pure; lib/errors.ts turns the findings into one sentence.
 */
import type { Hex } from "viem";

export type Findings = {
  /** Names of the error and its causes (viem's classes: "InternalRpcError", "UserRejectedRequestError"). */
  names: string[];
  /** JSON-RPC / EIP-1193 codes, outermost first. */
  codes: number[];
  /** Every message, short message, detail and reason text. */
  texts: string[];
  /** Revert data found anywhere (the longest first: the innermost is the most complete). */
  data: Hex[];
};

const MAX_DEPTH = 12;

/** Walks the error, its causes and the objects wallets hang under `data`, `error` and `originalError`. */
export function inspect(err: unknown): Findings {
  const found: Findings = { names: [], codes: [], texts: [], data: [] };
  const seen = new Set<unknown>();
  const visit = (x: unknown, depth: number) => {
    if (depth > MAX_DEPTH || x === null || x === undefined || seen.has(x)) return;
    if (typeof x === "string") {
      if (/^0x[0-9a-fA-F]{8,}$/.test(x)) found.data.push(x as Hex);
      return;
    }
    if (typeof x !== "object") return;
    seen.add(x);
    const o = x as Record<string, unknown>;
    // viem sets `name` on every error class (class names themselves do not survive minification).
    if (typeof o.name === "string") found.names.push(o.name);
    if (typeof o.code === "number") found.codes.push(o.code);
    for (const k of ["shortMessage", "details", "reason", "message"])
      if (typeof o[k] === "string" && o[k]) found.texts.push(o[k] as string);
    for (const k of ["data", "cause", "error", "originalError", "info"]) visit(o[k], depth + 1);
  };
  visit(err, 0);
  found.data.sort((a, b) => b.length - a.length);
  return found;
}

export const has = (f: Findings, ...names: string[]) => f.names.some((n) => names.includes(n));
export const hasCode = (f: Findings, ...codes: number[]) => f.codes.some((c) => codes.includes(c));
export const says = (f: Findings, re: RegExp) => f.texts.some((t) => re.test(t));

/** Texts that name no reason: the generic words of wallets and nodes around a revert. */
const GENERIC = [
  /^internal json-rpc error\.?$/i,
  /^execution reverted\.?$/i,
  /^an internal error was received\.?$/i,
  /^transaction reverted without a reason( string)?\.?$/i,
  /^vm exception while processing transaction: revert\.?$/i,
  /^unknown error\.?$/i,
];

/** The reason inside a node's revert message ("execution reverted: Sold out" -> "Sold out"), or null. */
function reasonIn(text: string): string | null {
  const m =
    /reverted with reason string '([^']*)'/.exec(text) ??
    /execution reverted: (.+?)\.?$/m.exec(text) ??
    /VM Exception while processing transaction: revert (.+?)\.?$/m.exec(text);
  const r = m?.[1]?.trim();
  return r && !GENERIC.some((g) => g.test(r)) ? r : null;
}

/** A revert reason the contract gave ("require(..., 'Sold out')") in any layer, or null when there is none. */
export function revertReason(f: Findings): string | null {
  for (const t of f.texts) {
    const r = reasonIn(t);
    if (r) return r;
  }
  return null;
}

/** A reason as viem reports it (ContractFunctionRevertedError.reason), unless it is only generic words. */
export function meaningfulReason(reason: string | undefined): string | null {
  if (!reason) return null;
  const r = reason.trim();
  if (GENERIC.some((g) => g.test(r))) return null;
  return reasonIn(r) ?? r.replace(/\.$/, "");
}

/**
 * A custom error as Hardhat names it in a message, "reverted with custom error 'Name(1, \"x\", 0xab…)'":
 * its name and its arguments (numbers as bigints, strings unquoted, addresses and hashes as they are).
 */
export function namedCustomError(f: Findings): { name: string; args: unknown[] } | null {
  for (const t of f.texts) {
    const m = /reverted with custom error '([A-Za-z_$][\w$]*)\((.*)\)'/.exec(t);
    if (!m) continue;
    const raw = m[2]!.trim();
    const args = raw === "" ? [] : raw.split(/,\s*/).map(parseArg);
    return { name: m[1]!, args };
  }
  return null;
}

function parseArg(a: string): unknown {
  if (/^-?\d+$/.test(a)) return BigInt(a);
  if (/^".*"$/.test(a)) return a.slice(1, -1);
  if (a === "true" || a === "false") return a === "true";
  return a;
}
