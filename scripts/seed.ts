/**
 * npm run db:seed [-- --only units,users] [--force]
 * Loads the demo data set (idempotent). Refuses when NODE_ENV=production unless --force.
 */
import { clientIsStale, prismaGenerate } from "./lib/prisma-generate";
import { resolveDatabase, redactUrl } from "./lib/database";
import { migrate } from "./lib/migrations";

const args = process.argv.slice(2);
const force = args.includes("--force");
const onlyArg =
  args.find((a) => a.startsWith("--only="))?.slice(7) ??
  (args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined);
if (process.env.NODE_ENV === "production" && !force) {
  console.error("Refusing to load demo data with NODE_ENV=production. Pass --force if you really mean it.");
  process.exit(1);
}
if (clientIsStale()) prismaGenerate();

const db = await resolveDatabase();
try {
  console.log(`Database: ${redactUrl(db.url)}`);
  await migrate(db.url, console.log);
  const { seedDatabase } = await import("./lib/seed-runner");
  await seedDatabase(db.url, { only: onlyArg?.split(","), args });
} finally {
  await db.stop();
}
