import "server-only";
import { readDb as db } from "@/lib/db-read";
import { assertCan, type Actor, underPath, pathLike } from "@/lib/auth/actor";
import { Prisma } from "@/lib/generated/prisma/client";
import { dayString, localDate, localDayStart, localParts } from "@/lib/time";
import { unitInScopeByCode } from "@/lib/units/read-units";

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const mins = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

interface Timing {
  today: { count: number; avgMin: number | null };
  month: { count: number; avgMin: number | null };
}
const emptyTiming = (): Timing => ({ today: { count: 0, avgMin: null }, month: { count: 0, avgMin: null } });
/** What `minutesSql` selects, per window (hall + number) or per clerk. */
type TimingRow = { today_n: bigint; today_avg: number | null; month_n: bigint; month_avg: number | null };
type WindowTimingRow = TimingRow & { hall: string; window: number };
type ClerkTimingRow = TimingRow & { clerk: string };

/**
 * The supervisor's view of the window for a unit (and below): who waits now, how long
 * people waited (issued → first call) and were served (started → completed) per window
 * and per clerk, today and this month, satisfaction, after-hours work, open complaints
 * and follow-ups due. All from the fact tables, in Asia/Shanghai days.
 */
export async function windowSupervision({ actor, unitCode }: { actor: Actor; unitCode?: string }) {
  assertCan(actor, "window.supervise");
  const unit = unitCode ? await unitInScopeByCode({ actor, code: unitCode }) : { path: actor.unitPath };
  const like = pathLike(unit.path);
  const now = new Date();
  const today = localDate(now);
  const p = localParts(now);
  const dayFrom = localDayStart(today);
  const monthFrom = localDayStart(`${p.year}-${String(p.month).padStart(2, "0")}-01`);
  // Count and average minutes from `start` to `end`, today and this month (rows are this month's).
  const minutesSql = (end: string, start: string) => {
    const [e, s] = [Prisma.raw(end), Prisma.raw(start)];
    return Prisma.sql`count(*) FILTER (WHERE ${e} >= ${dayFrom}) AS today_n,
             avg(extract(epoch FROM ${e} - ${s}) / 60) FILTER (WHERE ${e} >= ${dayFrom})::float8 AS today_avg,
             count(*) AS month_n, avg(extract(epoch FROM ${e} - ${s}) / 60)::float8 AS month_avg`;
  };
  // This month's rows of `table` (as `alias`), timed from `start` to `end`, per window and per clerk.
  const perWindowAndClerk = (q: {
    alias: string;
    table: string;
    hallId: string;
    clerk: string;
    end: string;
    start: string;
  }) => {
    const [a, table, hallId, clerk, end] = [q.alias, `${q.table} ${q.alias}`, q.hallId, q.clerk, q.end].map(Prisma.raw);
    const minutes = minutesSql(q.end, q.start);
    return [
      db.$queryRaw<WindowTimingRow[]>(Prisma.sql`
        SELECT h.code AS hall, c.number AS window, ${minutes}
          FROM ${table} JOIN window_counters c ON c.id = ${a}.counter_id JOIN window_halls h ON h.id = ${hallId}
         WHERE ${a}.unit_path LIKE ${like} AND ${end} >= ${monthFrom}
         GROUP BY h.code, c.number`),
      db.$queryRaw<ClerkTimingRow[]>(Prisma.sql`
        SELECT ${clerk} AS clerk, ${minutes}
          FROM ${table}
         WHERE ${a}.unit_path LIKE ${like} AND ${end} >= ${monthFrom} AND ${clerk} IS NOT NULL
         GROUP BY ${clerk}`),
    ] as const;
  };

  const [
    waiting,
    waitByWindow,
    waitByClerk,
    serviceByWindow,
    serviceByClerk,
    ratings,
    afterHours,
    complaints,
    followUps,
  ] = await Promise.all([
    db.$queryRaw<{ hall: string; business_key: string; letter: string; waiting: bigint; oldest: Date }[]>(Prisma.sql`
      SELECT h.code AS hall, t.business_key, t.letter, count(*) AS waiting, min(t.issued_at) AS oldest
        FROM window_tickets t JOIN window_halls h ON h.id = t.hall_id
       WHERE t.unit_path LIKE ${like} AND t.service_day = ${today}::date AND t.status = 'waiting'
       GROUP BY h.code, t.business_key, t.letter ORDER BY h.code, t.letter, t.business_key`),
    ...perWindowAndClerk({
      alias: "t",
      table: "window_tickets",
      hallId: "t.hall_id",
      clerk: "t.called_by_id",
      end: "t.called_at",
      start: "t.issued_at",
    }),
    ...perWindowAndClerk({
      alias: "x",
      table: "window_transactions",
      hallId: "c.hall_id",
      clerk: "x.clerk_id",
      end: "x.completed_at",
      start: "x.started_at",
    }),
    db.$queryRaw<{ rating: string; today_n: bigint; month_n: bigint }[]>(Prisma.sql`
      SELECT rating, count(*) FILTER (WHERE evaluated_at >= ${dayFrom}) AS today_n, count(*) AS month_n
        FROM window_evaluations WHERE unit_path LIKE ${like} AND evaluated_at >= ${monthFrom} GROUP BY rating`),
    db.$queryRaw<{ today_n: bigint; month_n: bigint; today_all: bigint; month_all: bigint }[]>(Prisma.sql`
      SELECT count(*) FILTER (WHERE after_hours AND completed_at >= ${dayFrom}) AS today_n, count(*) FILTER (WHERE after_hours) AS month_n,
             count(*) FILTER (WHERE completed_at >= ${dayFrom}) AS today_all, count(*) AS month_all
        FROM window_transactions WHERE unit_path LIKE ${like} AND completed_at >= ${monthFrom}`),
    db.windowComplaint.findMany({
      where: { unitPath: underPath(unit.path), status: "open" },
      select: {
        id: true,
        source: true,
        summary: true,
        ownerId: true,
        clerkId: true,
        dueDate: true,
        openedAt: true,
        transactionId: true,
      },
      orderBy: [{ dueDate: "asc" }, { openedAt: "asc" }],
      take: 100,
    }),
    db.windowTransaction.findMany({
      where: { unitPath: underPath(unit.path), followUpDue: { not: null }, followUpDoneAt: null },
      select: {
        id: true,
        applicantName: true,
        businessKey: true,
        result: true,
        tolerated: true,
        missingDocuments: true,
        followUpDue: true,
        clerkId: true,
        completedAt: true,
      },
      orderBy: [{ followUpDue: "asc" }, { completedAt: "asc" }],
      take: 100,
    }),
  ]);

  const userIds = new Set<string>();
  for (const r of [...waitByClerk, ...serviceByClerk]) userIds.add(r.clerk);
  for (const c of complaints) [c.ownerId, c.clerkId].forEach((x) => x && userIds.add(x));
  for (const f of followUps) if (f.clerkId) userIds.add(f.clerkId);
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, displayName: true } })).map(
      (u) => [u.id, u.displayName],
    ),
  );

  const timing = (r: TimingRow) => ({
    today: { count: n(r.today_n), avgMin: mins(r.today_avg) },
    month: { count: n(r.month_n), avgMin: mins(r.month_avg) },
  });
  const windows = new Map<string, { hall: string; window: number; wait: Timing; service: Timing }>();
  const win = (hall: string, w: number) => {
    const k = `${hall}#${w}`;
    if (!windows.has(k)) windows.set(k, { hall, window: w, wait: emptyTiming(), service: emptyTiming() });
    return windows.get(k)!;
  };
  for (const r of waitByWindow) win(r.hall, r.window).wait = timing(r);
  for (const r of serviceByWindow) win(r.hall, r.window).service = timing(r);
  const clerks = new Map<string, { clerkId: string; name: string; wait: Timing; service: Timing }>();
  const clerk = (id: string) => {
    if (!clerks.has(id))
      clerks.set(id, { clerkId: id, name: names.get(id) ?? "—", wait: emptyTiming(), service: emptyTiming() });
    return clerks.get(id)!;
  };
  for (const r of waitByClerk) clerk(r.clerk).wait = timing(r);
  for (const r of serviceByClerk) clerk(r.clerk).service = timing(r);

  const rate = (period: "today_n" | "month_n") => {
    const by = Object.fromEntries(ratings.map((r) => [r.rating, n(r[period])]));
    const total = (by.satisfied ?? 0) + (by.basic ?? 0) + (by.dissatisfied ?? 0);
    // 满意率: satisfied + basically satisfied over all ratings.
    return {
      satisfied: by.satisfied ?? 0,
      basic: by.basic ?? 0,
      dissatisfied: by.dissatisfied ?? 0,
      total,
      rate: total ? ((by.satisfied ?? 0) + (by.basic ?? 0)) / total : null,
    };
  };
  const ah = afterHours[0];
  return {
    today,
    waiting: waiting.map((w) => ({
      hall: w.hall,
      businessKey: w.business_key,
      letter: w.letter,
      waiting: n(w.waiting),
      oldestIssuedAt: w.oldest,
    })),
    windows: [...windows.values()].sort((a, b) => a.hall.localeCompare(b.hall) || a.window - b.window),
    clerks: [...clerks.values()].sort((a, b) => b.service.month.count - a.service.month.count),
    satisfaction: { today: rate("today_n"), month: rate("month_n") },
    afterHours: {
      today: n(ah?.today_n),
      month: n(ah?.month_n),
      transactionsToday: n(ah?.today_all),
      transactionsMonth: n(ah?.month_all),
    },
    complaints: complaints.map((c) => ({
      ...c,
      dueDate: dayString(c.dueDate)!,
      ownerName: c.ownerId ? (names.get(c.ownerId) ?? null) : null,
      clerkName: c.clerkId ? (names.get(c.clerkId) ?? null) : null,
      overdue: dayString(c.dueDate)! < today,
    })),
    followUps: followUps.map((f) => ({
      ...f,
      followUpDue: dayString(f.followUpDue)!,
      clerkName: f.clerkId ? (names.get(f.clerkId) ?? null) : null,
      overdue: dayString(f.followUpDue)! < today,
      dueToday: dayString(f.followUpDue) === today,
    })),
  };
}
export type WindowSupervision = Awaited<ReturnType<typeof windowSupervision>>;
