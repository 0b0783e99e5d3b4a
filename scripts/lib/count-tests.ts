/**
 * Reads a test step's log and prints how many tests passed or failed, whichever runner wrote it:
 * mocha ("12 passing", "1 failing"), node:test ("# pass 3", "# fail 0") and Hardhat's Solidity test
 * summary ("5 passing" / "1 failing" per suite summary line).
 */
import { readFileSync } from "node:fs";

const [which, file] = process.argv.slice(2);
// eslint-disable-next-line no-control-regex -- strips ANSI colour codes
const text = readFileSync(file!, "utf8").replace(/\x1b\[[0-9;]*m/g, "");
const sum = (re: RegExp) => [...text.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
// `hardhat test` ends with a combined line ("132 passing (52 solidity, 80 mocha)") after mocha's own.
const combined = /^\d+ (passing|failing) \(\d+ solidity, \d+ mocha\)/m.test(text);
const count = combined
  ? sum(which === "passed" ? /^(\d+) passing \(/gm : /^(\d+) failing\b/gm)
  : which === "passed"
    ? sum(/^\s*(\d+) passing\b/gm) + sum(/^# pass (\d+)$/gm)
    : sum(/^\s*(\d+) failing\b/gm) + sum(/^# fail (\d+)$/gm);
console.log(count);
