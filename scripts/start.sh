#!/usr/bin/env bash
# One command for the whole platform: installs what is missing, then starts a local chain with every
# contract deployed and demo data, the indexer and the web app; Ctrl-C stops all of it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
source scripts/env.sh
# The dev build profile (hardhat.config.ts): about a minute cold instead of 8-10, same ABIs; no Solidity tests.
hardhat build --build-profile dev --no-tests --quiet
exec tsx scripts/start.ts
