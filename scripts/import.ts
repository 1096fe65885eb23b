/**
 * npm run import -- <violations|accidents> <file> --unit <code> [--as <username>]
 *                   [--format csv|ndjson] [--errors <errors.csv>] [--batch <rows>]
 *
 * The same import as POST /api/v1/import/{kind}, through the same domain code, against
 * DATABASE_URL or the embedded database. --unit is the default unit and the scope of
 * the run (rows may name units below it); --as runs it as a user instead (their scope
 * and permissions, their name in the audit log). Prints the report as JSON; exit code
 * 0 when every row was imported or already there, 2 when rows were rejected, 1 on failure.
 */
import fs from "node:fs";
import path from "node:path";
import { resolveDatabase } from "./lib/database";
import { migrate } from "./lib/migrations";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i > 0) return process.argv[i + 1];
  return process.argv
    .find((a) => a.startsWith(`--${name}=`))
    ?.split("=")
    .slice(1)
    .join("=");
}

const [kind, file] = process.argv
  .slice(2)
  .filter((a, i, all) => !a.startsWith("--") && !(i > 0 && all[i - 1].startsWith("--") && !all[i - 1].includes("=")));
const unitCode = arg("unit");
if (!kind || !["violations", "accidents"].includes(kind) || !file || (!unitCode && !arg("as"))) {
  console.error(
    "usage: npm run import -- <violations|accidents> <file.csv|file.ndjson> --unit <code> [--as <username>] [--format csv|ndjson] [--errors errors.csv]",
  );
  process.exit(1);
}
if (!fs.existsSync(file)) {
  console.error(`no such file: ${file}`);
  process.exit(1);
}
const format = (arg("format") ?? (/\.(nd)?jsonl?$/i.test(file) ? "ndjson" : "csv")) as "csv" | "ndjson";
// The operator's own file on the server: the API's row cap (IMPORT_MAX_ROWS) does not apply.
process.env.IMPORT_MAX_ROWS ??= String(Number.MAX_SAFE_INTEGER);

const db = await resolveDatabase(() => {});
let code = 1;
try {
  await migrate(db.url);
  const { cliActor } = await import("@/lib/records/system-actor");
  const { importViolations } = await import("@/lib/violations/import-violations");
  const { importAccidents } = await import("@/lib/accidents/import-accidents");
  const { errorsToCsv } = await import("@/lib/import/run-import");
  const { tFor } = await import("@/lib/i18n/server-free");
  const { translateMessage } = await import("@/lib/i18n/translate");

  const actor = await cliActor({ unitCode: unitCode ?? "", asUser: arg("as") });
  const t0 = Date.now();
  let last = 0;
  const onProgress = (r: { received: number; created: number }) => {
    if (Date.now() - last > 2000) {
      last = Date.now();
      process.stderr.write(`  ${r.received.toLocaleString()} rows read, ${r.created.toLocaleString()} created…\n`);
    }
  };
  const run = kind === "violations" ? importViolations : importAccidents;
  const report = await run({
    actor,
    body: fs.createReadStream(file),
    format,
    batchSize: arg("batch") ? Number(arg("batch")) : undefined,
    onProgress,
  });
  const en = tFor("en");
  report.errors = report.errors.map((e) => ({ ...e, message: translateMessage(en, e.message) }));
  const seconds = (Date.now() - t0) / 1000;
  console.log(JSON.stringify({ ...report, errors: report.errors.slice(0, 20), seconds }, null, 2));
  const errorsFile = arg("errors");
  if (errorsFile && report.errors.length) {
    fs.writeFileSync(errorsFile, errorsToCsv(report.errors));
    console.error(`errors written to ${path.resolve(errorsFile)}`);
  }
  code = report.rejected > 0 ? 2 : 0;
} catch (thrown) {
  // A database refusal by its kind only: PostgreSQL's text quotes the row's values.
  const { appErrorFromDb } = await import("@/lib/db-refusal");
  const { tFor } = await import("@/lib/i18n/server-free");
  const { translateMessage } = await import("@/lib/i18n/translate");
  const err = appErrorFromDb(thrown) ?? thrown;
  console.error(err instanceof Error ? translateMessage(tFor("en"), err.message) : err);
} finally {
  const { pgPool } = await import("@/lib/db-pool");
  await pgPool()
    .end()
    .catch(() => {});
  await db.stop();
}
process.exit(code);
