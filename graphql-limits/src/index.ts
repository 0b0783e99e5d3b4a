export * from "./limits.ts";
export * from "./measure.ts";
export * from "./check.ts";
