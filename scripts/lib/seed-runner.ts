import { createPrisma } from "@/lib/db-client";
import { localDayStart, localDate } from "@/lib/time";
import { runSeed, type SeedSelection } from "@/prisma/seed";

/** Runs the seed steps against a database URL with its own client. */
export async function seedDatabase(
  url: string,
  opts: SeedSelection & { args?: string[]; log?: (l: string) => void } = {},
) {
  const log = opts.log ?? console.log;
  const db = createPrisma(url, { max: 4 });
  try {
    const t0 = Date.now();
    log(opts.phase === "records" ? "Loading record-level demo data…" : "Loading demo data…");
    await runSeed({ db, url, log, now: new Date(), args: opts.args ?? [] }, opts);
    log(`Demo data${opts.phase ? ` (${opts.phase})` : ""} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await db.$disconnect();
  }
}

export async function databaseIsEmpty(url: string): Promise<boolean> {
  const db = createPrisma(url, { max: 1 });
  try {
    return (await db.unit.count()) === 0;
  } finally {
    await db.$disconnect();
  }
}

/**
 * True for a demo database whose record-level data has not been brought up to today
 * (the rolling last-90-days window moves daily). Never true for a production database
 * that was not seeded with demo data.
 */
export async function demoRecordsDue(url: string): Promise<boolean> {
  const db = createPrisma(url, { max: 1 });
  try {
    const since = localDayStart(localDate(new Date()));
    const [row] = await db.$queryRaw<{ seeded: boolean; today: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM audit_logs WHERE action = 'seed.run') AS seeded,
             EXISTS (SELECT 1 FROM audit_logs WHERE action = 'seed.run' AND at >= ${since}
                       AND after->>'phase' IN ('records', 'all')) AS today`;
    return row.seeded && !row.today;
  } finally {
    await db.$disconnect();
  }
}

/** Is there an active administrator? `npm start` refuses to serve without one. */
export async function administratorExists(url: string): Promise<boolean> {
  const db = createPrisma(url, { max: 1 });
  try {
    return (await db.user.count({ where: { role: "ADMIN", active: true } })) > 0;
  } finally {
    await db.$disconnect();
  }
}
