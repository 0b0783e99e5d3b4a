# Sourced by the project's shell scripts: puts the project-local Node 22 and pnpm (installed by
# scripts/setup.sh into .tools/) first on PATH when they exist.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
if [ -x "$TOOLS/node_modules/.bin/node" ]; then
  export PATH="$TOOLS/node_modules/.bin:$PATH"
elif [ -d "$TOOLS/node_modules/.bin" ]; then
  export PATH="$TOOLS/node_modules/.bin:$PATH"
fi
export PATH="$ROOT/node_modules/.bin:$PATH"
export PONDER_TELEMETRY_DISABLED=true NEXT_TELEMETRY_DISABLED=1 HARDHAT_DISABLE_TELEMETRY_PROMPT=true
