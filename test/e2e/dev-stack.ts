/**
 * A private copy of the stack for working on the web app and its browser test, on ports that do not
 * clash with `pnpm start`: CHAIN_PORT (8547), INDEXER_PORT (42071), WEB_PORT (3001), STRIPE_PORT (12112).
 *   node --import tsx test/e2e/dev-stack.ts      (BUILD_WEB=1 to run `next build` first)
 */
import { startStack } from "../../scripts/lib/stack.ts";

const stack = await startStack({
  chainPort: Number(process.env.CHAIN_PORT ?? 8547),
  indexerPort: Number(process.env.INDEXER_PORT ?? 42071),
  webPort: Number(process.env.WEB_PORT ?? 3001),
  stripePort: Number(process.env.STRIPE_PORT ?? 12112),
  seed: true,
  stateDir: process.env.STATE_DIR ?? "/tmp/notalabel-web-dev",
  buildWeb: process.env.BUILD_WEB === "1",
  webDistDir: ".next-dev-stack",
  log: (line) => console.log(line),
});
console.log(`ready: ${JSON.stringify(stack.urls)}`);
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().then(() => process.exit(0));
  });
}
