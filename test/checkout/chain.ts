/**
 * A private Hardhat node for the fulfilment tests, with the system deployed (the relayer, Hardhat account
 * #19, is the DropFactory's default minter), a referrer artist, an artist referred by it with a collection,
 * and test USDC held by the relayer. The caller stops it (by its PID) with `stop`, from a top-level `after`:
 * an `after` registered inside a hook or a test would run as soon as that hook or test ends.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  parseUnits,
  zeroAddress,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { artistRegistryAbi, dropCollectionAbi, dropFactoryAbi, testTokenAbi } from "../../contracts/generated/abis.ts";
import { deploySystem, type DeployedSystem } from "../../scripts/lib/system.ts";
import { localRelayerKey } from "../../web/src/server/checkout/config.ts";
import { freePort, start, stop, waitFor } from "../indexer/processes.ts";

const root = new URL("../..", import.meta.url).pathname;
const MNEMONIC = "test test test test test test test test test test test junk";
export const account = (i: number) => mnemonicToAccount(MNEMONIC, { addressIndex: i });

export type TestChain = {
  rpc: string;
  /** Stops the node (by its PID). */
  stop: () => Promise<void>;
  client: PublicClient;
  system: DeployedSystem;
  usdc: Address;
  relayerKey: Hex;
  relayer: Address;
  artist: Address;
  referrer: Address;
  treasury: Address;
  collection: Address;
  /** Sends a transaction from Hardhat account `from` and waits for it. */
  send: (from: number, address: Address, abi: Abi, functionName: string, args: readonly unknown[]) => Promise<Hex>;
  /** Creates an edition in the artist's collection (open when maxSupply is 0; no wallet cap when walletCap is 0); returns its id. */
  createEdition: (maxSupply: number, walletCap?: number) => Promise<bigint>;
};

export const ARTIST = 1;
const REFERRER = 2;
const TREASURY = 3;

/** A private Hardhat node with nothing deployed, its clients, and `stop` (by its PID). */
export type TestNode = {
  rpc: string;
  chain: Chain;
  client: PublicClient;
  /** A wallet client for Hardhat account `i`. */
  wallet: (i: number) => WalletClient<Transport, Chain, Account>;
  stop: () => Promise<void>;
};

export async function startNode(): Promise<TestNode> {
  const port = await freePort();
  const rpc = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), "checkout-chain-"));
  const node = start(
    "hardhat",
    join(root, "node_modules/.bin/hardhat"),
    ["node", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      cwd: root,
      log: join(dir, "hardhat.log"),
    },
  );
  try {
    const chain = defineChain({
      id: 31337,
      name: "hardhat",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [rpc] } },
    });
    const client = createPublicClient({ chain, transport: http(rpc), pollingInterval: 50 }) as PublicClient;
    await waitFor("the Hardhat node", async () => (await probe(rpc)) === 31337, 120_000, node);
    const wallet = (i: number) =>
      createWalletClient({ account: account(i), chain, transport: http(rpc), pollingInterval: 50 });
    return { rpc, chain, client, wallet, stop: () => stop(node) };
  } catch (error) {
    await stop(node);
    throw error;
  }
}

export async function startChain(): Promise<TestChain> {
  const node = await startNode();
  try {
    return await setUp(node);
  } catch (error) {
    await node.stop();
    throw error;
  }
}

async function probe(rpc: string): Promise<number> {
  return createPublicClient({ transport: http(rpc, { retryCount: 0 }) }).getChainId();
}

async function setUp({ rpc, client, wallet, stop: stopNode }: TestNode): Promise<TestChain> {
  const send: TestChain["send"] = async (from, address, abi, functionName, args) => {
    const hash = await wallet(from).writeContract({ address, abi, functionName, args } as never);
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
    return hash;
  };

  const relayerKey = localRelayerKey();
  const relayer = account(19).address;
  const system = await deploySystem(wallet(0), client, {
    treasury: account(TREASURY).address,
    owner: account(0).address,
    testTokens: true,
    minter: relayer,
  });
  const { ArtistRegistry, DropFactory } = system.contracts;
  const usdc = system.tokens.USDC!.address;
  await send(REFERRER, ArtistRegistry.address, artistRegistryAbi as Abi, "register", [
    "refer",
    "ipfs://refer",
    zeroAddress,
    "",
  ]);
  await send(ARTIST, ArtistRegistry.address, artistRegistryAbi as Abi, "register", [
    "artist",
    "ipfs://artist",
    zeroAddress,
    "refer",
  ]);
  await send(ARTIST, DropFactory.address, dropFactoryAbi as Abi, "createCollection", ["Card Sales", 500]);
  const collection = await client.readContract({
    address: DropFactory.address,
    abi: dropFactoryAbi,
    functionName: "collectionOf",
    args: [account(ARTIST).address],
  });
  await send(0, usdc, testTokenAbi as Abi, "mint", [relayer, parseUnits("1000000", 6)]);

  const createEdition = async (maxSupply: number, walletCap = 0) => {
    const config = {
      currency: zeroAddress,
      price: parseUnits("0.01", 18),
      maxSupply,
      walletCap,
      start: 0,
      end: 0,
      presaleStart: 0,
      presaleCap: 0,
      presalePrice: 0n,
      presaleRoot: `0x${"00".repeat(32)}` as Hex,
      metadataHash: `0x${"11".repeat(32)}` as Hex,
    };
    await send(ARTIST, collection, dropCollectionAbi as Abi, "createEdition", [config, ""]);
    return client.readContract({ address: collection, abi: dropCollectionAbi, functionName: "editionCount" });
  };

  return {
    rpc,
    stop: stopNode,
    client,
    system,
    usdc,
    relayerKey,
    relayer,
    artist: account(ARTIST).address,
    referrer: account(REFERRER).address,
    treasury: account(TREASURY).address,
    collection,
    send,
    createEdition,
  };
}
