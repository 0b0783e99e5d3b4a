/**
 * Screenshots of every page at desktop and phone width, with the test wallet connected, for a
 * human look at the design:  WEB_URL=http://127.0.0.1:3001 RPC_URL=http://127.0.0.1:8547 \
 *   node --import tsx test/e2e/screenshots.ts [outDir]
 */
import { networkQuiet } from "../../scripts/lib/quiet.ts";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { mnemonicToAccount } from "viem/accounts";
import { connectWallet, injectWallet, launchBrowser } from "./wallet.ts";

const web = process.env.WEB_URL ?? "http://127.0.0.1:3001";
const rpcUrl = process.env.RPC_URL ?? "http://127.0.0.1:8547";
const out = process.argv[2] ?? "/tmp/notalabel-screens";
const accountIndex = Number(process.env.ACCOUNT_INDEX ?? 1); // #1 is the seeded artist "nova"
const account = mnemonicToAccount("test test test test test test test test test test test junk", {
  addressIndex: accountIndex,
}).address;
const pages = (
  process.env.PAGES ?? "/,/artists/nova,/onboard?ref=nova,/splits/new,/earnings,/referrals,/splits/SPLIT"
).split(",");
mkdirSync(out, { recursive: true });

const { context, close } = await launchBrowser();
await injectWallet(context, { rpcUrl, account, chainId: 31337 });
const page = await context.newPage();
page.on("pageerror", (e) => console.log("pageerror:", e.message));
page.on("console", (m) => {
  if (m.type() === "error") console.log("console:", m.text().slice(0, 300));
});
await page.goto(`${web}/earnings`);
await connectWallet(page);
let split = "";
for (const path of pages) {
  let p = path;
  if (p.includes("SPLIT")) {
    if (!split) {
      await page.goto(`${web}/artists/nova`);
      split = (await page.locator('a[href^="/splits/0x"]').first().getAttribute("href")) ?? "/";
    }
    p = split;
  }
  const name = p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home";
  for (const [w, h, tag] of [
    [1280, 900, "desktop"],
    [360, 780, "phone"],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await networkQuiet(page, { load: () => page.goto(`${web}${p}`, { waitUntil: "load" }) });
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(out, `${name}-${tag}.png`), fullPage: true });
  }
  console.log("shot", p);
}
await close();
