/**
 * The worker's view of the chain: one public and one wallet client for the relayer, the generated ABIs,
 * the lookups that reconcile the order book with what the chain recorded (OrderMinted by order id, Paid
 * by settlement ref), and the reading of a failed call (what it means for the order).
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { dropCollectionAbi, encodeSource, ledgerAbi } from "@notalabel/contracts";

/** The Ledger credit source of card sales. */
export const FIAT_SOURCE: Hex = encodeSource("fiat");

export type Chain = ReturnType<typeof connect>;

/**
 * Clients without viem's transport retries (the worker has its own backoff, and a dead RPC must fail fast)
 * and with a short polling interval (paid-to-minted latency is measured in seconds).
 */
export function connect(rpcUrl: string, chainId: number, relayerKey: Hex) {
  const chain = defineChain({
    id: chainId,
    name: `chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const transport = http(rpcUrl, { retryCount: 0, timeout: 15_000 });
  const account = privateKeyToAccount(relayerKey);
  const client = createPublicClient({ chain, transport, pollingInterval: 100 }) as PublicClient;
  const wallet = createWalletClient({ chain, transport, account, pollingInterval: 100 });
  return { client, wallet, account, relayer: account.address };
}

/** What a failed mint means for its order. */
export type MintFailure =
  | { kind: "already"; message: string }
  | { kind: "permanent"; message: string }
  | { kind: "transient"; message: string };

/** Sentences for the reverts a fan or support may read on the order page. */
const READABLE: Record<string, string> = {
  DropCollection_SoldOut: "The edition sold out before this order could be minted.",
  DropCollection_UnknownEdition: "The edition does not exist.",
  DropCollection_NotMinter: "The artist no longer allows card sales to be minted in this collection.",
  DropCollection_ZeroQuantity: "The order has no quantity.",
  DropCollection_ZeroAddress: "The wallet address is the zero address.",
  ERC1155InvalidReceiver: "The wallet cannot receive this NFT (a contract without ERC-1155 support).",
  DropCollection_OrderAlreadyMinted: "The order was already minted.",
};

/**
 * Reads a failed mintPaid (estimate, send or re-simulation): a revert the collection ABI decodes is final
 * (except an order id the chain already used, which is reconciled); anything else (RPC down, timeout, gas,
 * a revert without reason) may pass later.
 */
export function readMintError(error: unknown): MintFailure {
  const revert =
    error instanceof BaseError
      ? (error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null)
      : null;
  const name = revert?.data?.errorName;
  if (revert && name) {
    const args = (revert.data?.args ?? []).map((a) => String(a)).join(", ");
    const message = `${READABLE[name] ?? "The collection refused the mint."} (${name}(${args}))`;
    return { kind: name === "DropCollection_OrderAlreadyMinted" ? "already" : "permanent", message };
  }
  return { kind: "transient", message: shortMessage(error) };
}

export function shortMessage(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage;
  return error instanceof Error ? error.message : String(error);
}

/** The transaction that minted `chainOrderId` in `collection` (its OrderMinted log), or null. */
export async function findOrderMinted(
  client: PublicClient,
  collection: Address,
  chainOrderId: Hex,
  fromBlock: bigint,
): Promise<{ hash: Hex; block: bigint } | null> {
  const logs = await client.getContractEvents({
    address: collection,
    abi: dropCollectionAbi,
    eventName: "OrderMinted",
    args: { orderId: chainOrderId },
    fromBlock,
    toBlock: "latest",
  });
  const log = logs[0];
  return log ? { hash: log.transactionHash, block: log.blockNumber } : null;
}

/** Whether a receipt carries the OrderMinted log of `chainOrderId` (a success without it minted nothing). */
export function mintedIn(
  logs: readonly { address: Address; topics: readonly Hex[] }[],
  collection: Address,
  chainOrderId: Hex,
): boolean {
  return logs.some(
    (l) =>
      l.address.toLowerCase() === collection.toLowerCase() && l.topics[1]?.toLowerCase() === chainOrderId.toLowerCase(),
  );
}

/**
 * The relayer's fiat Ledger.pay of a settlement (its Paid log), or null. The ref is the settlement id;
 * artist and amount are matched too, so a reused id (a database reset) is not taken for a payment.
 */
export async function findPaid(
  client: PublicClient,
  q: {
    ledger: Address;
    relayer: Address;
    token: Address;
    artist: Address;
    ref: bigint;
    amount: bigint;
    fromBlock: bigint;
  },
): Promise<{ hash: Hex } | null> {
  const logs = await client.getContractEvents({
    address: q.ledger,
    abi: ledgerAbi,
    eventName: "Paid",
    args: { artist: q.artist, payer: q.relayer, token: q.token },
    fromBlock: q.fromBlock,
    toBlock: "latest",
  });
  const log = logs.find((l) => l.args.ref === q.ref && l.args.gross === q.amount && l.args.source === FIAT_SOURCE);
  return log ? { hash: log.transactionHash } : null;
}
