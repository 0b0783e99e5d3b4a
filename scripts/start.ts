/**
 * `pnpm start`: the whole platform on this machine with embedded defaults, until Ctrl-C.
 * Ports: CHAIN_PORT (8545), INDEXER_PORT (42069), WEB_PORT (3000), STRIPE_PORT (12111, the local Stripe server);
 * the local mail catcher takes free ports (MAIL_SMTP_PORT, MAIL_WEB_PORT to choose) unless SMTP_URL names a server.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { startStack } from "./lib/stack.ts";
import { startMailCatcher } from "./mail-local/catcher.ts";

const root = new URL("..", import.meta.url).pathname;
const started = Date.now();
// The contracts without the Solidity tests (about 50 s of CPU cold; the tests would add ~450 s), while the
// stack builds the web app: solc is single-threaded.
const compile = spawn(join(root, "node_modules/.bin/hardhat"), ["build", "--no-tests", "--quiet"], {
  cwd: root,
  stdio: "inherit",
});
const contractsBuilt = new Promise<void>((resolve, reject) =>
  compile.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`hardhat build failed (exit ${code})`)))),
);
contractsBuilt.catch(() => {}); // startStack awaits it, or fails first
// Artists' notification emails land in the catcher's inbox (SMTP_URL sends them to a real server instead).
const mail = process.env.SMTP_URL
  ? null
  : await startMailCatcher({
      smtpPort: Number(process.env.MAIL_SMTP_PORT ?? 0),
      webPort: Number(process.env.MAIL_WEB_PORT ?? 0),
    });
const stack = await startStack({
  contractsBuilt,
  chainPort: Number(process.env.CHAIN_PORT ?? 8545),
  indexerPort: Number(process.env.INDEXER_PORT ?? 42069),
  webPort: Number(process.env.WEB_PORT ?? 3000),
  stripePort: Number(process.env.STRIPE_PORT ?? 12111),
  seed: process.env.SEED !== "false",
  stateDir: join(root, ".dev"),
  log: (line) => console.log(`  ${line}`),
  // Next's type check of the build repeats `pnpm lint`'s tsc of web/ (a minute or two of a first start).
  webEnv: { NEXT_SKIP_TYPECHECK: "1", ...(mail ? { SMTP_URL: mail.smtpUrl } : {}) },
}).catch(async (error: unknown) => {
  compile.kill();
  await mail?.stop();
  throw error;
});
console.log(`
Not a Label is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s):
  web app   ${stack.urls.web}
  GraphQL   ${stack.urls.graphql}
  chain     ${stack.urls.rpc} (chain id 31337; Hardhat's test accounts are funded)
  payments  ${stack.urls.stripe ?? "Stripe test mode (STRIPE_SECRET_KEY)"}${stack.urls.stripe ? " (local Stripe test server: pay with card 4242 4242 4242 4242)" : ""}
  Mail inbox: ${mail ? `${mail.webUrl} (every email the app sends; SMTP at ${mail.smtpUrl})` : "none: mail goes to the server SMTP_URL names"}
  logs      .dev/*.log
Press Ctrl-C to stop.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping...");
    void Promise.all([stack.stop(), mail?.stop()]).then(() => {
      console.log("stopped.");
      process.exit(0);
    });
  });
}
