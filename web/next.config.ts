import type { NextConfig } from "next";

const config: NextConfig = {
  // @notalabel/contracts exports TypeScript source (ABIs, deployments, split rules).
  transpilePackages: ["@notalabel/contracts"],
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
