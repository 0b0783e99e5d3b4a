/** Drop types shared by the indexer, the web app, scripts and tests, derived from the generated ABI. */
import type { ContractFunctionArgs, ContractFunctionReturnType } from "viem";
import type { dropCollectionAbi } from "../generated/abis.ts";

/** IDropCollection.EditionConfig, as viem encodes and decodes it. */
export type EditionConfig = ContractFunctionArgs<typeof dropCollectionAbi, "nonpayable", "createEdition">[0];

/** IDropCollection.Edition (config, minted, paused), as `edition(id)` returns it. */
export type Edition = ContractFunctionReturnType<typeof dropCollectionAbi, "view", "edition">;
