import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here: migrations are plain SQL applied by
// scripts/migrate.ts (the schema engine cannot be downloaded on an air-gapped network).
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/trafficops" },
});
