#!/usr/bin/env bash
# Every test: the contracts build beside the web unit tests and the web build; then the contract tests
# (mocha + Solidity fuzz and invariant) in the background beside lint, the generated-module check, indexer tests (a real chain;
# PGlite and PostgreSQL), card checkout tests (the webhook, the fulfilment worker on a real chain, the local
# Stripe server; PGlite and PostgreSQL), the scale tests (several processes on one PostgreSQL; compose.yaml),
# browser end-to-end tests. Installs what is missing first. Ends with one line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh || exit 1
bash scripts/setup-system.sh || exit 1
source scripts/env.sh
mkdir -p .dev/test-logs
passed=0
failed=0
broken=()

# tally NAME CODE START: adds a finished step's test counts (from its log) to the totals.
tally() {
  local name="$1" code="$2" start="$3"
  local log=".dev/test-logs/$name.log"
  local p f
  p=$(tsx scripts/lib/count-tests.ts passed "$log")
  f=$(tsx scripts/lib/count-tests.ts failed "$log")
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$code" -ne 0 ]; then
    broken+=("$name")
    [ "$f" -eq 0 ] && failed=$((failed + 1))
  fi
  echo "=== $name: exit $code, $p passed, $f failed, $((SECONDS - start)) s"
}

# run NAME COMMAND...: runs a step, shows its output, and adds its test counts to the totals.
run() {
  local name="$1"; shift
  local start=$SECONDS
  echo "=== $name: $*"
  "$@" 2>&1 | tee ".dev/test-logs/$name.log"
  tally "$name" "${PIPESTATUS[0]}" "$start"
}

# The contracts build (solc-js: one core for a minute) runs beside the web app's steps, which read none of
# its output (the ABIs and addresses they import are committed); its output is shown when it ends. Lint
# waits for it: the root's tsc reads the contract types the build writes (artifacts/).
compile_start=$SECONDS
echo "=== compile (beside web-unit and web-build): hardhat build --no-tests --quiet"
hardhat build --no-tests --quiet > .dev/test-logs/compile.log 2>&1 &
compile_pid=$!
run web-unit node --import tsx --test web/test/*.test.ts
# One production build for every browser test (it does not depend on a stack's settings), then the tests.
run web-build bash -c 'cd web && NEXT_DIST_DIR=.next-e2e NEXT_TELEMETRY_DISABLED=1 ./node_modules/.bin/next build'
wait "$compile_pid"
compile_code=$?
cat .dev/test-logs/compile.log
tally compile "$compile_code" "$compile_start"

# The contract tests run in the background beside everything after this: compiling the Solidity tests
# (test/sol, viaIR) keeps one core busy for about 7 minutes, and the steps below read only the contracts'
# artifacts, which the build above wrote and this one leaves alone. Their output is shown when they end.
contracts_start=$SECONDS
echo "=== contracts (in the background): hardhat build --quiet && hardhat test"
(hardhat build --quiet && hardhat test) > .dev/test-logs/contracts.log 2>&1 &
contracts_pid=$!

run lint bash scripts/lint.sh
run generated tsx scripts/gen.ts --check
run indexer node --import tsx --test --test-concurrency=1 test/indexer/*.test.ts
run checkout node --import tsx --test --test-concurrency=1 test/checkout/*.test.ts
# Email notifications: the queue on PGlite and PostgreSQL, a real SMTP server in the process.
run notifications node --import tsx --test --test-concurrency=1 test/notifications/*.test.ts
# More than one machine on one: writer, replica and two web servers on one PostgreSQL (same build); compose.yaml.
run scale env BUILD_WEB=0 node --import tsx --test --test-concurrency=1 test/scale/*.test.ts
run e2e env BUILD_WEB=0 node --import tsx --test --test-concurrency=1 test/e2e/*.e2e.ts

wait "$contracts_pid"
contracts_code=$?
cat .dev/test-logs/contracts.log
tally contracts "$contracts_code" "$contracts_start"

echo
[ ${#broken[@]} -gt 0 ] && echo "failed steps: ${broken[*]}"
echo "tests: $passed passed, $failed failed"
[ ${#broken[@]} -eq 0 ]
