# One image for every Node service of compose.yaml: the indexer writer (`pnpm --dir indexer start`), the API
# replicas (`pnpm --dir indexer serve`) and the web servers (`pnpm --dir web start`, after this `next build`).
# The contracts' ABIs and addresses are committed (contracts/generated): no Solidity compile here.
FROM node:22-bookworm-slim
ENV NEXT_TELEMETRY_DISABLED=1 PONDER_TELEMETRY_DISABLED=true
# The pnpm of package.json's "packageManager".
RUN npm install -g pnpm@10.34.9
WORKDIR /app
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --dir web build
