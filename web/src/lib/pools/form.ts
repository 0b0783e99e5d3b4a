/**
 * The pool forms (create a pool, ask to join, propose a budget spend), checked with the contracts' rules
 * (PoolFactory.createPool, RevenuePool.requestJoin / proposeSpend) before the wallet opens; the output
 * is what the call needs. Pure and unit-tested.
 */
import { getAddress, isAddress, parseUnits, type Address } from "viem";
import { z } from "zod";
import { collectIssues, type FormResult } from "../shares/formResult.ts";

/** PoolFactory.MAX_BUDGET_BPS and RevenuePool.MAX_WEIGHT. */
export const MAX_BUDGET_BPS = 5000;
export const MAX_WEIGHT = 1000;
export const MAX_MEMO = 280;

export const RULES = ["equal", "weights"] as const;
export const POLICIES = ["admin", "vote"] as const;
export type Rule = (typeof RULES)[number];
export type Policy = (typeof POLICIES)[number];
/** The contracts' enum values (IRevenuePool.Rule, IRevenuePool.JoinPolicy). */
export const RULE_VALUE: Record<Rule, number> = { equal: 0, weights: 1 };
export const POLICY_VALUE: Record<Policy, number> = { admin: 0, vote: 1 };

const weight = z
  .string()
  .trim()
  .regex(/^\d+$/, "The weight must be a whole number.")
  .transform(Number)
  .refine((w) => w >= 1 && w <= MAX_WEIGHT, `The weight must be between 1 and ${MAX_WEIGHT}.`);

/** The weight under `rule`: always 1 under the equal rule. */
const weightFor = (rule: Rule) => (rule === "equal" ? z.string().transform(() => 1) : weight);

const memo = z.string().trim().max(MAX_MEMO, `At most ${MAX_MEMO} characters.`);

export type PoolFormInput = {
  name: string;
  rule: string;
  policy: string;
  /** Percent of every income for the budget ("" = 0). */
  budgetPercent: string;
  weight: string;
  currency: string;
};

export type PoolParams = {
  name: string;
  rule: number;
  policy: number;
  budgetBps: number;
  weight: bigint;
  currency: Address;
};

export function parsePoolForm(input: PoolFormInput): FormResult<PoolParams> {
  const rule = (RULES as readonly string[]).includes(input.rule) ? (input.rule as Rule) : null;
  const schema = z.object({
    name: z.string().trim().min(1, "Name the pool.").max(64, "At most 64 characters."),
    rule: z.enum(RULES, { message: "Choose how income is shared." }),
    policy: z.enum(POLICIES, { message: "Choose who admits new members." }),
    budgetPercent: z
      .string()
      .trim()
      .refine((s) => s === "" || /^\d+(\.\d{0,2})?$/.test(s), "Use a number like 5 or 2.5 (at most 2 decimals).")
      .transform((s) => (s === "" ? 0 : Math.round(Number(s) * 100)))
      .refine((b) => b <= MAX_BUDGET_BPS, `At most ${MAX_BUDGET_BPS / 100}% of every income can go to the budget.`),
    weight: weightFor(rule ?? "equal"),
    currency: z
      .string()
      .trim()
      .refine((s) => isAddress(s, { strict: false }), "Choose the currency.")
      .transform((s) => getAddress(s)),
  });
  const r = collectIssues(schema.safeParse(input));
  if (!r.ok) return r;
  const v = r.value;
  return {
    ok: true,
    value: {
      name: v.name,
      rule: RULE_VALUE[v.rule],
      policy: POLICY_VALUE[v.policy],
      budgetBps: v.budgetPercent,
      weight: BigInt(v.weight),
      currency: v.currency,
    },
  };
}

export type JoinFormInput = { weight: string; memo: string };

export function parseJoinForm(input: JoinFormInput, rule: Rule): FormResult<{ weight: bigint; memo: string }> {
  const r = collectIssues(z.object({ weight: weightFor(rule), memo }).safeParse(input));
  return r.ok ? { ok: true, value: { weight: BigInt(r.value.weight), memo: r.value.memo } } : r;
}

export type SpendFormInput = { to: string; token: string; amount: string; memo: string };
export type SpendValue = { to: Address; token: Address; amount: bigint; memo: string };

/**
 * A budget spend in `token` of `decimals`. The amount may exceed today's budget: the contract checks the
 * budget when the vote passes, and income may arrive meanwhile.
 */
export function parseSpendForm(input: SpendFormInput, ctx: { decimals: number }): FormResult<SpendValue> {
  const schema = z.object({
    to: z
      .string()
      .trim()
      .refine((s) => isAddress(s, { strict: false }) && BigInt(s) !== 0n, "Enter the recipient's address.")
      .transform((s) => getAddress(s)),
    token: z
      .string()
      .refine((s) => isAddress(s, { strict: false }), "Choose the currency.")
      .transform((s) => getAddress(s)),
    amount: z
      .string()
      .trim()
      .transform((s) => s.replace(/,/g, ""))
      .pipe(
        z
          .string()
          .min(1, "Enter an amount.")
          .regex(/^\d*\.?\d*$/, "Use digits and at most one decimal point.")
          .refine((s) => s !== ".", "Use digits and at most one decimal point.")
          .refine((s) => (s.split(".")[1] ?? "").length <= ctx.decimals, `At most ${ctx.decimals} decimal places.`)
          .transform((s) => parseUnits(s, ctx.decimals))
          .refine((v) => v > 0n, "The amount must be above zero."),
      ),
    memo,
  });
  return collectIssues(schema.safeParse(input));
}
