import { createRequire } from "node:module";
import { defineConfig } from "hardhat/config";
import hardhatViem from "@nomicfoundation/hardhat-viem";
import hardhatViemAssertions from "@nomicfoundation/hardhat-viem-assertions";
import hardhatMocha from "@nomicfoundation/hardhat-mocha";
import hardhatNetworkHelpers from "@nomicfoundation/hardhat-network-helpers";

// The npm `solc` package ships the compiler as wasm: no download at build time.
const soljson = createRequire(import.meta.url).resolve("solc/soljson.js");
const solc = (settings: { optimizer: object }) => ({
  version: "0.8.30",
  path: soljson,
  settings: { ...settings, evmVersion: "cancun", viaIR: true },
});

const production = solc({ optimizer: { enabled: true, runs: 10_000 } });
const dev = solc({ optimizer: { enabled: true, details: { yulDetails: { optimizerSteps: ":" } } } });

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
  // Build profiles (issue 15). `default` is what ships and what gas is measured on: `hardhat compile` and
  // `hardhat test`, the contracts in `npm test`, `pnpm bench:gas`, deployments. `production` is the same,
  // not isolated, so a `--build-profile production` build is byte-identical. `dev` (`npm start`, and the
  // Solidity tests in `npm test`) is the same viaIR pipeline (same semantics) with the Yul optimizer given
  // no steps: the contracts build cold in about a minute instead of 8-10. Without the optimizer at all,
  // four contracts exceed the 24 KB code size limit; with its empty step sequence none does. Same ABIs.
  // The profiles share artifacts/: switching recompiles (bench:gas and deploy:contracts compile first).
  solidity: {
    profiles: {
      default: production,
      production: { ...production, isolated: false },
      dev,
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
