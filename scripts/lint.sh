#!/usr/bin/env bash
# Lint and format checks for Solidity and TypeScript, plus strict type checks of every package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
echo "lint: solhint"; solhint --max-warnings 0 'contracts/**/*.sol' 'test/**/*.sol'
echo "lint: prettier"; prettier --check --log-level warn .
echo "lint: eslint"; eslint --max-warnings 0 .
echo "lint: tsc (root)"; tsc --noEmit -p .
echo "lint: tsc (indexer)"; (cd indexer && tsc --noEmit -p .)
echo "lint: tsc (web)"; (cd web && tsc --noEmit -p .)
