import "server-only";
import { db } from "@/lib/db";
import { isProduction } from "./deployment";

let seeded: boolean | null = null;

/**
 * Does the login page name the demo password? Only outside production, and only when the
 * demo data was loaded into this database (the seed writes a seed.run audit row).
 */
export async function showDemoHint(): Promise<boolean> {
  if (isProduction()) return false;
  if (seeded) return true;
  const [row] = await db.$queryRaw<{ seeded: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM audit_logs WHERE action = 'seed.run') AS seeded`;
  seeded = row.seeded;
  return seeded;
}
