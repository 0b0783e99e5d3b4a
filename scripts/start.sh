#!/usr/bin/env bash
# One command for the whole platform: installs what is missing, then starts a local chain with every
# contract deployed and demo data, the indexer and the web app; Ctrl-C stops all of it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
source scripts/env.sh
exec tsx scripts/start.ts
