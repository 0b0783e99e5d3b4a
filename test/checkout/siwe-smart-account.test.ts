/**
 * Sign-In with Ethereum from a smart-contract wallet (ERC-1271), against a real Hardhat node: the account
 * cannot sign, its owner's key does, and the server asks the account on chain whether that signature is
 * its own. A stranger's signature for the account is refused, and an owner signature does not sign in
 * the owner's key as someone else. (EOA sign-ins are covered by web/test/api-security.test.ts.)
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getAddress, type Abi, type Address, type Hex } from "viem";
import { createSiweMessage } from "viem/siwe";
import { issueNonce, signIn, type Site } from "../../web/src/server/auth/sessions.ts";
import { openDatabase, type Database } from "../../web/src/server/db/client.ts";
import { readSecurityConfig } from "../../web/src/server/http/config.ts";
import { realSleep, type SecurityContext } from "../../web/src/server/http/context.ts";
import { HttpError } from "../../web/src/server/http/errors.ts";
import { account, startNode, type TestNode } from "./chain.ts";

const root = new URL("../..", import.meta.url).pathname;
const site: Site = { host: "localhost:3000", origin: "http://localhost:3000" };
const owner = account(5);
const stranger = account(6);
const now = new Date("2026-12-07T00:00:00Z");

let node: TestNode;
let database: Database;
let ctx: SecurityContext;
let smartAccount: Address;

before(async () => {
  node = await startNode();
  const artifact = JSON.parse(
    readFileSync(join(root, "artifacts/contracts/mocks/SmartAccount1271.sol/SmartAccount1271.json"), "utf8"),
  ) as { abi: Abi; bytecode: Hex };
  const hash = await node
    .wallet(0)
    .deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args: [owner.address] });
  const receipt = await node.client.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  assert.ok(receipt.contractAddress, "the smart account is deployed");
  smartAccount = getAddress(receipt.contractAddress);
  database = openDatabase({ pgliteDir: "memory://" });
  await database.migrate();
  // The chain client is the real node's: the only way the smart account's signature can be accepted.
  ctx = {
    db: database.db,
    client: node.client,
    chainId: 31337,
    config: readSecurityConfig({}),
    now: () => now,
    sleep: realSleep,
  };
});

after(async () => {
  await database?.close();
  await node?.stop();
});

/** A sign-in message for `address` with a fresh server nonce, signed by `signer`, checked on the real chain. */
async function signInWith(address: Address, signer: typeof owner) {
  const { nonce } = await issueNonce(ctx);
  const message = createSiweMessage({
    domain: site.host,
    uri: site.origin,
    address,
    chainId: 31337,
    nonce,
    version: "1",
    issuedAt: ctx.now(),
    expirationTime: new Date(ctx.now().getTime() + 600_000),
  });
  const signature = await signer.signMessage({ message });
  return signIn(ctx, site, { message, signature });
}

test("a smart account signs in with its owner's signature (ERC-1271 on chain)", async () => {
  const { session, token } = await signInWith(smartAccount, owner);
  assert.equal(session.address, smartAccount);
  assert.ok(token.length >= 40);
});

test("a stranger's signature does not sign in as the smart account", async () => {
  await assert.rejects(signInWith(smartAccount, stranger), (error: unknown) => {
    assert.ok(error instanceof HttpError);
    assert.equal(error.status, 401);
    assert.match(error.message, /does not match the wallet/);
    return true;
  });
});

test("an account without code is checked as a key: the owner's signature is not the stranger's", async () => {
  await assert.rejects(signInWith(stranger.address, owner), (error: unknown) => {
    assert.ok(error instanceof HttpError && error.status === 401);
    return true;
  });
});
