/** What one GraphQL request may cost (depth, aliases, tokens, list-size cost): one rule for the indexer and the web proxy, which imports it as `@notalabel/indexer/limits`. */
export * from "./limits.ts";
export * from "./measure.ts";
export * from "./check.ts";
