// TypeScript lint for scripts, tests, the indexer and the web app.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      ".tools/**",
      "artifacts/**",
      "cache/**",
      "types/**",
      ".dev/**",
      "**/.next/**",
      "**/.next-*/**",
      "**/.ponder/**",
      "indexer/generated/**",
      "contracts/generated/**",
      "web/next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { process: "readonly", console: "readonly", window: "readonly" } },
  },
);
