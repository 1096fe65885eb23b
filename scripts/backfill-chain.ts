/**
 * npm run backfill:chain [-- --brigade 522625]
 *
 * Gives the records already stored their place in the record chain: the grid (from their
 * location, as reassignGrids does after a grid edit) and the beat on duty there at that
 * time (chain_beat_at), for violations, accidents and incidents, brigade by brigade in
 * chunks. Only rows whose value differs are written: running it again changes nothing.
 * Against DATABASE_URL or the embedded database; prints what it changed as JSON.
 */
import { resolveDatabase } from "./lib/database";
import { migrate } from "./lib/migrations";

const i = process.argv.findIndex((a) => a === "--brigade" || a.startsWith("--brigade="));
const brigadeCode =
  i < 0 ? undefined : process.argv[i].includes("=") ? process.argv[i].split("=")[1] : process.argv[i + 1];

const database = await resolveDatabase(() => {});
let code = 1;
try {
  await migrate(database.url);
  const { db } = await import("@/lib/db");
  const { backfillChain } = await import("@/lib/records/chain");
  let brigadeIds: string[] | undefined;
  if (brigadeCode) {
    const b = await db.unit.findUnique({ where: { code: brigadeCode }, select: { id: true, kind: true } });
    if (!b || b.kind !== "BRIGADE") throw new Error(`no brigade ${brigadeCode}`);
    brigadeIds = [b.id];
  }
  console.log(JSON.stringify(await backfillChain({ brigadeIds }), null, 2));
  code = 0;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
} finally {
  const { pgPool } = await import("@/lib/db-pool");
  await pgPool()
    .end()
    .catch(() => {});
  await database.stop();
}
process.exit(code);
