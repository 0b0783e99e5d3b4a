/** Local-chain defaults: Hardhat's well-known development accounts (public keys, never for real funds). */
import type { Hex } from "viem";

export const LOCAL_CHAIN_ID = 31337;
export const LOCAL_RPC_URL = "http://127.0.0.1:8545";
/** Hardhat's default mnemonic "test test ... junk", accounts #0..#9. */
export const LOCAL_MNEMONIC = "test test test test test test test test test test test junk";
/** Account #0, the local deployer. */
export const LOCAL_DEPLOYER_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
