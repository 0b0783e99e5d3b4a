import { test } from "node:test";
import assert from "node:assert/strict";
import {
  BaseError,
  ChainMismatchError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  UserRejectedRequestError,
  encodeErrorResult,
} from "viem";
import { hardhat, base } from "viem/chains";
import { artistRegistryAbi, feeRouterAbi, ledgerAbi, splitWalletAbi, testTokenAbi } from "@notalabel/contracts";
import { CUSTOM_ERROR_MESSAGES, customErrorMessage, errorMessage } from "../src/lib/errors.ts";

const SPLIT = "0x31d92f101634e7c7242dde71f4f1747a45cc21d8";

function reverted(abi: typeof ledgerAbi | typeof artistRegistryAbi, errorName: string, args: readonly unknown[]) {
  const data = encodeErrorResult({ abi, errorName, args } as never);
  const cause = new ContractFunctionRevertedError({ abi, data, functionName: "x" } as never);
  return new ContractFunctionExecutionError(cause, { abi, functionName: "x", args: [] } as never);
}

test("every custom error of the platform's ABIs has a sentence", () => {
  for (const abi of [artistRegistryAbi, ledgerAbi, feeRouterAbi, splitWalletAbi, testTokenAbi] as const) {
    for (const item of abi)
      if (item.type === "error") assert.ok(CUSTOM_ERROR_MESSAGES[item.name], `missing ${item.name}`);
  }
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
