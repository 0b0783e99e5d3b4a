import { test } from "node:test";
import assert from "node:assert/strict";
import {
  BaseError,
  ChainMismatchError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  HttpRequestError,
  InsufficientFundsError,
  InternalRpcError,
  LimitExceededRpcError,
  NonceTooLowError,
  ResourceUnavailableRpcError,
  RpcRequestError,
  TransactionExecutionError,
  UserRejectedRequestError,
  WaitForTransactionReceiptTimeoutError,
  encodeErrorResult,
  type Abi,
} from "viem";
import { getContractError } from "viem/utils";
import { hardhat, base } from "viem/chains";
import {
  artistRegistryAbi,
  dropCollectionAbi,
  marketplaceAbi,
  dropFactoryAbi,
  poolFactoryAbi,
  revenuePoolAbi,
  royaltySharesAbi,
  sharesFactoryAbi,
  feeRouterAbi,
  ledgerAbi,
  splitWalletAbi,
  testTokenAbi,
  rewardsAbi,
  badgesAbi,
} from "@notalabel/contracts";
import { CUSTOM_ERROR_MESSAGES, ERROR_ABIS, customErrorMessage, errorMessage } from "../src/lib/errors.ts";

const SPLIT = "0x31d92f101634e7c7242dde71f4f1747a45cc21d8";

/** What viem throws when a simulation reverts: `calledAbi` is the ABI of the called contract. */
function reverted(abi: Abi | readonly unknown[], errorName: string, args: readonly unknown[], calledAbi = abi) {
  const data = encodeErrorResult({ abi, errorName, args } as never);
  const cause = new ContractFunctionRevertedError({ abi: calledAbi, data, functionName: "x" } as never);
  return new ContractFunctionExecutionError(cause, { abi: calledAbi, functionName: "x", args: [] } as never);
}

test("every custom error of the platform's ABIs has a sentence", () => {
  const abis = [
    artistRegistryAbi,
    ledgerAbi,
    feeRouterAbi,
    splitWalletAbi,
    testTokenAbi,
    dropFactoryAbi,
    dropCollectionAbi,
    marketplaceAbi,
    sharesFactoryAbi,
    royaltySharesAbi,
    poolFactoryAbi,
    revenuePoolAbi,
    rewardsAbi,
    badgesAbi,
  ];
  assert.equal(ERROR_ABIS.length, abis.length);
  for (const abi of abis) {
    assert.ok((ERROR_ABIS as readonly unknown[]).includes(abi), "every ABI is decoded by errorMessage");
    for (const item of abi)
      if (item.type === "error") {
        assert.ok(CUSTOM_ERROR_MESSAGES[item.name], `missing ${item.name}`);
        // Every sentence copes with the error's real arguments.
        const args = item.inputs.map((i) =>
          i.type === "address"
            ? SPLIT
            : i.type === "string"
              ? "x"
              : i.type.startsWith("bytes")
                ? `0x${"11".repeat(32)}`
                : 3n,
        );
        assert.ok(errorMessage(reverted(abi, item.name, args)).length > 10, `${item.name} has a sentence`);
      }
  }
});

test("errors that no longer exist have no sentence", () => {
  assert.equal(CUSTOM_ERROR_MESSAGES.FeeRouter_UnknownArtist, undefined);
  assert.match(errorMessage(reverted(ledgerAbi, "Payments_UnknownArtist", [SPLIT])), /not a registered artist/);
});

test("drop mint failures become sentences a fan can act on", () => {
  const c = dropCollectionAbi;
  assert.equal(
    errorMessage(reverted(c, "DropCollection_SaleNotStarted", [1n, 1_767_225_600])),
    "The sale has not started: it opens on 2026-01-01 00:00 UTC.",
  );
  assert.equal(
    errorMessage(reverted(c, "DropCollection_SaleEnded", [1n, 1_767_225_600])),
    "The sale ended on 2026-01-01 00:00 UTC.",
  );
  assert.match(errorMessage(reverted(c, "DropCollection_SalePaused", [1n])), /paused this sale/);
  assert.equal(errorMessage(reverted(c, "DropCollection_SoldOut", [1n, 2n, 0n])), "Sold out: none are left.");
  assert.equal(
    errorMessage(reverted(c, "DropCollection_SoldOut", [1n, 5n, 2n])),
    "Only 2 left: lower the quantity (you asked for 5).",
  );
  assert.equal(
    errorMessage(reverted(c, "DropCollection_WalletCapExceeded", [1n, SPLIT, 3n, 1n])),
    "Over the wallet cap: this wallet can mint 2 more (at most 3 per wallet, it already minted 1).",
  );
  assert.equal(
    errorMessage(reverted(c, "DropCollection_WalletCapExceeded", [1n, SPLIT, 3n, 3n])),
    "This wallet already minted 3, the most one wallet can mint here (3).",
  );
  assert.equal(
    errorMessage(reverted(c, "DropCollection_NotAllowlisted", [1n, SPLIT])),
    "0x31D9…21d8 is not on this presale's allowlist.",
  );
  assert.match(errorMessage(reverted(c, "DropCollection_PresaleNotActive", [1n])), /presale is not running/);
  assert.match(
    errorMessage(reverted(c, "DropCollection_WrongPayment", [10n ** 16n, 0n])),
    /exactly the price: 0\.01 ETH, not 0\./,
  );
  assert.match(errorMessage(reverted(c, "DropCollection_WrongPayment", [0n, 5n])), /paid in a token/);
  assert.match(errorMessage(reverted(c, "DropCollection_UnknownEdition", [9n])), /no edition #9/);
  assert.match(errorMessage(reverted(c, "DropCollection_PriceAboveMax", [1n, 2n, 1n])), /raised the price/);
  assert.match(errorMessage(reverted(c, "DropCollection_MinterNotPlatform", [SPLIT])), /only the platform/);
  assert.match(errorMessage(reverted(c, "ERC1155InvalidReceiver", [SPLIT])), /cannot receive these tokens/);
  assert.match(errorMessage(reverted(dropFactoryAbi, "DropFactory_NotRegistered", [SPLIT])), /Register as an artist/);
});

test("a token error bubbling up through a mint is decoded with the token's ABI", () => {
  // The Ledger pulls USDC from the fan: without approval the token reverts inside the collection's call,
  // whose ABI does not declare the token's errors.
  const err = reverted(testTokenAbi, "ERC20InsufficientAllowance", [SPLIT, 0n, 5_000_000n], dropCollectionAbi);
  assert.match(errorMessage(err), /approve the Ledger/);
  const poor = reverted(testTokenAbi, "ERC20InsufficientBalance", [SPLIT, 1n, 5_000_000n], dropCollectionAbi);
  assert.match(errorMessage(poor), /token balance is too low/);
});

test("insufficient ETH is named", () => {
  const err = new BaseError("send failed", { cause: new InsufficientFundsError() });
  assert.match(errorMessage(err), /not hold enough ETH/);
});

test("custom errors decoded from revert data become human sentences", () => {
  assert.equal(
    errorMessage(reverted(artistRegistryAbi, "ArtistRegistry_HandleTaken", ["nova"])),
    'The handle "nova" is already taken. Pick another one.',
  );
  assert.equal(
    errorMessage(reverted(artistRegistryAbi, "ArtistRegistry_UnknownReferralCode", ["zzz"])),
    'No artist has the referral code "zzz".',
  );
  assert.match(
    errorMessage(reverted(ledgerAbi, "Splits_NotController", [SPLIT, SPLIT])),
    /Only the split's controller/,
  );
  assert.match(errorMessage(reverted(ledgerAbi, "Splits_InvalidTotal", [900_000n])), /90%/);
  assert.match(errorMessage(reverted(ledgerAbi, "Splits_ConfigMismatch", [SPLIT])), /Reload/);
});

test("raw revert data nested in an RPC error is decoded too", () => {
  const data = encodeErrorResult({ abi: ledgerAbi, errorName: "Splits_Immutable", args: [SPLIT] });
  const err = new BaseError("execution reverted", { cause: Object.assign(new Error("rpc"), { data }) as never });
  assert.match(errorMessage(err), /immutable/);
});

test("wallet rejections and wrong networks are named as such", () => {
  const rejected = new BaseError("failed", {
    cause: new UserRejectedRequestError(new Error("User rejected the request.")),
  });
  assert.match(errorMessage(rejected), /rejected the request in your wallet/);
  const mismatch = new ChainMismatchError({ chain: hardhat, currentChainId: base.id });
  assert.match(errorMessage(mismatch, "Hardhat"), /wrong network.*Hardhat/);
  assert.match(errorMessage(new Error("MetaMask Tx Signature: User denied transaction signature.")), /rejected/);
});

test("unknown errors keep the contract's error name", () => {
  assert.match(customErrorMessage("Something_New"), /Something_New/);
  assert.equal(errorMessage("weird"), "Something went wrong.");
});

/** What an injected wallet throws (EIP-1193: an Error with code and data) as viem's request layer wraps it. */
function walletRpcError(code: number, message: string, data?: unknown) {
  return new RpcRequestError({ body: { method: "eth_call" }, url: "http://127.0.0.1", error: { code, message, data } });
}
/** As viem's simulateContract / writeContract report an RPC failure of a contract call. */
function contractCallFailed(cause: BaseError, abi: Abi = dropCollectionAbi as Abi) {
  return getContractError(cause, { abi, functionName: "mint", args: [], address: SPLIT });
}
/** A node's or wallet's raw words, or the double full stop of a sentence wrapped around them. */
const RAW = [/Internal JSON-RPC error/i, /An internal error was received/i, /execution reverted$/i, /\.\.$/];

test('"Internal JSON-RPC error." never reaches the user: the real answer is dug out, or a sentence says it', () => {
  // A wallet wrapping the node's revert in -32603 (MetaMask's shape: data.originalError, or data.data).
  const soldOut = encodeErrorResult({
    abi: dropCollectionAbi,
    errorName: "DropCollection_SoldOut",
    args: [1n, 2n, 0n],
  });
  for (const data of [
    { code: 3, message: "execution reverted", data: soldOut },
    { originalError: { code: 3, message: "execution reverted", data: soldOut } },
  ])
    assert.equal(
      errorMessage(contractCallFailed(walletRpcError(-32603, "Internal JSON-RPC error.", data))),
      "Sold out: none are left.",
    );
  // Nothing to dig out: before, this read "The transaction would fail: Internal JSON-RPC error..".
  const bare = contractCallFailed(walletRpcError(-32603, "Internal JSON-RPC error."));
  const sentence = errorMessage(bare);
  for (const r of RAW) assert.doesNotMatch(sentence, r, sentence);
  // A bare -32603 is the wallet's or the node's, not a revert (the simulation before it passed).
  assert.match(sentence, /wallet or the network refused the request.*nothing was sent/i);
  // The same, unwrapped by viem (a wallet's own error object), and as viem's InternalRpcError.
  for (const e of [
    Object.assign(new Error("Internal JSON-RPC error."), { code: -32603 }),
    new InternalRpcError(new Error("Internal JSON-RPC error.")),
    new TransactionExecutionError(new InternalRpcError(new Error("Internal JSON-RPC error.")), {} as never),
  ]) {
    const m = errorMessage(e);
    for (const r of RAW) assert.doesNotMatch(m, r, m);
    assert.ok(m.length > 30, m);
  }
});

test("revert reasons and custom errors named in a node's message become sentences", () => {
  assert.equal(
    errorMessage(contractCallFailed(walletRpcError(3, "execution reverted: Sold out"))),
    "The contract refused the transaction: Sold out. Nothing was sent.",
  );
  assert.equal(
    errorMessage(
      new InternalRpcError(
        new Error("VM Exception while processing transaction: reverted with reason string 'Not yet'"),
      ),
    ),
    "The contract refused the transaction: Not yet. Nothing was sent.",
  );
  // Hardhat names a custom error and its arguments in the message.
  assert.equal(
    errorMessage(
      new Error(
        "VM Exception while processing transaction: reverted with custom error 'DropCollection_SoldOut(1, 5, 2)'",
      ),
    ),
    "Only 2 left: lower the quantity (you asked for 5).",
  );
  // A bare revert says that the contract refused, not "execution reverted".
  const bare = errorMessage(contractCallFailed(walletRpcError(3, "execution reverted")));
  assert.match(bare, /contract refused the transaction without giving a reason/);
});

test("wallet and network failures each get their sentence", () => {
  const cases: [unknown, RegExp][] = [
    [new HttpRequestError({ url: "http://127.0.0.1", status: 502 }), /network did not answer/],
    [new TypeError("Failed to fetch"), /network did not answer/],
    [new ResourceUnavailableRpcError(new Error("Request already pending")), /already has a request waiting/],
    [
      Object.assign(new Error("Request of type 'wallet_requestPermissions' already pending"), { code: -32002 }),
      /already has a request waiting/,
    ],
    [new LimitExceededRpcError(new Error("rate limited")), /busy/],
    [new TransactionExecutionError(new NonceTooLowError(), {} as never), /out of step/],
    [new WaitForTransactionReceiptTimeoutError({ hash: `0x${"11".repeat(32)}` }), /sent but is not confirmed/],
    [
      Object.assign(new Error("The requested account has not been authorized"), { code: 4100 }),
      /access to the account/,
    ],
    [Object.assign(new Error("User rejected"), { code: 4001 }), /rejected the request in your wallet/],
    [new BaseError("Something odd", { details: "weird node answer" }), /refused the request/],
  ];
  for (const [err, expected] of cases) assert.match(errorMessage(err, "Hardhat"), expected);
  // Our own sentences pass through.
  assert.equal(errorMessage(new Error("Connect a wallet first.")), "Connect a wallet first.");
});
