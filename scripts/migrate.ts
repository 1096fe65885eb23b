/** npm run db:migrate — applies pending SQL migrations to DATABASE_URL or the embedded database. */
import { resolveDatabase, redactUrl } from "./lib/database";
import { migrate } from "./lib/migrations";

const db = await resolveDatabase();
try {
  console.log(`Database: ${redactUrl(db.url)}`);
  const r = await migrate(db.url, console.log);
  console.log(
    r.applied.length ? `Applied ${r.applied.length} migration(s).` : `Up to date (${r.skipped} applied earlier).`,
  );
} finally {
  await db.stop();
}
