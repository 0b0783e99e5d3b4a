import { defineConfig } from "drizzle-kit";

// Generates the SQL migrations in ./drizzle from the schema: `pnpm db:generate`. No database is needed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema.ts",
  out: "./drizzle",
});
