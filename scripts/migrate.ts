/** npm run db:migrate — applies pending SQL migrations to DATABASE_URL or the embedded database. */
import { resolveDatabase, redactUrl } from "./lib/database";
import { migrate } from "./lib/migrations";
import { prepareAppRole } from "./lib/app-role";

const db = await resolveDatabase();
try {
  console.log(`Database: ${redactUrl(db.url)}`);
  const r = await migrate(db.url, console.log);
  console.log(
    r.applied.length ? `Applied ${r.applied.length} migration(s).` : `Up to date (${r.skipped} applied earlier).`,
  );
  await prepareAppRole(db.url, db.embedded, console.log);
} finally {
  await db.stop();
}
