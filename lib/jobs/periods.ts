/**
 * Accounting of a job's periods from its job_runs rows (lib/jobs/scheduler.ts): between its
 * first and its last finished run, every period must be run, or covered by exactly one
 * later run (`covers_from`: the periods nobody could run while instances or the database
 * were down). Used by tests (tests/db/jobs.test.ts, npm run test:cluster) and for a look
 * at production's history.
 */
export interface JobRunRow {
  periodStart: Date;
  status: string;
  coversFrom: Date | null;
}

export interface PeriodAccount {
  /** Periods from the first to the last finished run. */
  periods: number;
  /** Periods run in their own period. */
  run: number;
  /** Periods stood for by a later run. */
  covered: number;
  /** Periods neither run nor covered (must be empty). */
  unaccounted: Date[];
  /** Periods run or covered more than once (must be empty). */
  twice: Date[];
  /** The catch-up runs: their period and the first period they covered. */
  catchUps: { periodStart: Date; coversFrom: Date }[];
}

export function accountPeriods(rows: JobRunRow[], everyMs: number): PeriodAccount {
  const done = rows.filter((r) => r.status === "done").sort((a, b) => +a.periodStart - +b.periodStart);
  const account: PeriodAccount = { periods: 0, run: 0, covered: 0, unaccounted: [], twice: [], catchUps: [] };
  if (!done.length) return account;
  const counts = new Map<number, { run: number; covered: number }>();
  const first = +done[0].periodStart;
  const last = +done[done.length - 1].periodStart;
  for (let p = first; p <= last; p += everyMs) counts.set(p, { run: 0, covered: 0 });
  for (const r of done) {
    const own = counts.get(+r.periodStart);
    if (own) own.run++;
    if (!r.coversFrom) continue;
    account.catchUps.push({ periodStart: r.periodStart, coversFrom: r.coversFrom });
    for (let p = +r.coversFrom; p < +r.periodStart; p += everyMs) {
      const c = counts.get(p);
      if (c) c.covered++;
    }
  }
  for (const [p, c] of counts) {
    account.periods++;
    if (c.run + c.covered === 0) account.unaccounted.push(new Date(p));
    else if (c.run + c.covered > 1) account.twice.push(new Date(p));
    else if (c.run) account.run++;
    else account.covered++;
  }
  return account;
}
