import { createRequire } from "node:module";
import { defineConfig } from "hardhat/config";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatViemAssertions from "@nomicfoundation/hardhat-viem-assertions";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";

// The npm `solc` package ships the compiler as wasm: no download at build time.
const soljson = createRequire(import.meta.url).resolve("solc/soljson.js");

/** Real networks: any chain with an RPC URL and a deployer key in the environment. */
function remote(urlVar: string) {
  const url = process.env[urlVar];
  const key = process.env.DEPLOYER_PRIVATE_KEY;
  if (!url) return {};
  return { type: "http" as const, chainType: "l1" as const, url, accounts: key ? [key] : [] };
}

const networks = {
  // `hardhat node` serves this network. CHAIN_INITIAL_DATE lets the demo seed start in the past, so
  // two weeks of history end today.
  node: {
    type: "edr-simulated" as const,
    chainType: "l1" as const,
    ...(process.env.CHAIN_INITIAL_DATE ? { initialDate: process.env.CHAIN_INITIAL_DATE } : {}),
  },
  localhost: { type: "http" as const, chainType: "l1" as const, url: process.env.RPC_URL ?? "http://127.0.0.1:8545" },
  ...(process.env.BASE_RPC_URL ? { base: remote("BASE_RPC_URL") } : {}),
  ...(process.env.ETHEREUM_RPC_URL ? { ethereum: remote("ETHEREUM_RPC_URL") } : {}),
  ...(process.env.POLYGON_RPC_URL ? { polygon: remote("POLYGON_RPC_URL") } : {}),
};

export default defineConfig({
  plugins: [hardhatViem, hardhatViemAssertions, hardhatMocha, hardhatNetworkHelpers],
  // Two build profiles (issue 15). `default` (hardhat compile/test/node/run without --build-profile, and
  // `npm start`) skips the optimizer and viaIR: a cold compile in seconds instead of minutes, same ABIs.
  // `production` is what ships and what gas is measured on: deployments, `pnpm bench:gas`, and `npm test`
  // (scripts/test.sh passes --build-profile production). Not isolated (Hardhat's production default), so
  // it compiles once as before and its bytecode, and gas, stay as measured.
  solidity: {
    profiles: {
      default: {
        version: "0.8.30",
        path: soljson,
        settings: { optimizer: { enabled: false }, evmVersion: "cancun", viaIR: true },
      },
      production: {
        version: "0.8.30",
        path: soljson,
        isolated: false,
        settings: {
          optimizer: { enabled: true, runs: 10_000 },
          evmVersion: "cancun",
          viaIR: true,
        },
      },
    },
  },
  paths: {
    sources: "contracts",
    tests: { mocha: "test/contracts", solidity: "test/sol" },
  },
  networks: networks as never,
  // Solidity tests (test/sol): 256 fuzz runs per test; invariant campaigns of 64 runs x 100 calls each
  // (3 invariants => 19,200 random handler calls, ~10 s), so the whole Solidity suite stays under 3 minutes on 2 cores.
  test: { solidity: { fuzz: { runs: 256 }, invariant: { runs: 64, depth: 100 } } },
});
