export * from "./splits.ts";
export * from "./sources.ts";
export * from "./deployment.ts";
export * from "./allowlist.ts";
export * from "./drops.ts";
export * from "./market.ts";
export * from "./rewards.ts";
export * from "./reward-epochs.ts";
