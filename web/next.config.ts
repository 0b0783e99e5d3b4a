import type { NextConfig } from "next";

const config: NextConfig = {
  // @notalabel/contracts (ABIs, deployments, split rules) and @notalabel/indexer (its GraphQL limits) export TypeScript source.
  transpilePackages: ["@notalabel/contracts", "@notalabel/indexer"],
  reactStrictMode: true,
  // The checkout's database drivers load files (PGlite's WebAssembly) from their own package at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  // `npm start` skips the build's type check: `pnpm lint` (tsc -p web) checks the same code.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // Pages get their security headers from src/proxy.ts (per request: the CSP names the configured RPC and
  // indexer). API answers are data, never documents to render or frame.
  async headers() {
    return [
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
  // A separate build directory per stack (e.g. the browser tests) so a test build never replaces the
  // chunks under a running `next start` of the dev stack. Must be the same for `next build` and `next start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default config;
