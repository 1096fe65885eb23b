import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, dayValue, localDate, localDayStart } from "@/lib/time";
import { brigadeOf } from "@/lib/units/brigade";

export interface DayTotals {
  day: string;
  transactions: number;
  byResult: Record<string, number>;
  byBusiness: { key: string; count: number; feeYuan: number }[];
  feesByPayment: Record<string, number>;
  feeTotal: number;
  afterHours: number;
  difficult: number;
  avgServiceMinutes: number | null;
  ratings: Record<string, number>;
  ticketsCalled: number;
  noShows: number;
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** A clerk's figures for one local day (today by default): what the clerk screen shows and "close day" keeps. */
export async function clerkDayTotals({ actor, day }: { actor: Actor; day?: string }): Promise<DayTotals> {
  assertCan(actor, "window.serve");
  if (!actor.userId) throw new AppError("FORBIDDEN", "day totals are per person");
  const d = day ?? localDate(new Date());
  const from = localDayStart(d);
  const to = localDayStart(addDays(d, 1));
  const clerk = actor.userId;
  const [byBusiness, byResult, byPayment, misc, ratings, tickets] = await Promise.all([
    db.$queryRaw<{ key: string; count: bigint; fee: bigint }[]>(Prisma.sql`
      SELECT business_key AS key, count(*) AS count, sum(fee_yuan) AS fee FROM window_transactions
       WHERE clerk_id = ${clerk}::uuid AND completed_at >= ${from} AND completed_at < ${to}
       GROUP BY business_key ORDER BY count(*) DESC, business_key`),
    db.$queryRaw<{ result: string; count: bigint }[]>(Prisma.sql`
      SELECT result, count(*) AS count FROM window_transactions
       WHERE clerk_id = ${clerk}::uuid AND completed_at >= ${from} AND completed_at < ${to} GROUP BY result`),
    db.$queryRaw<{ payment: string; fee: bigint }[]>(Prisma.sql`
      SELECT payment, sum(fee_yuan) AS fee FROM window_transactions
       WHERE clerk_id = ${clerk}::uuid AND completed_at >= ${from} AND completed_at < ${to} AND fee_yuan > 0 GROUP BY payment`),
    db.$queryRaw<{ after_hours: bigint; difficult: bigint; avg_min: number | null }[]>(Prisma.sql`
      SELECT count(*) FILTER (WHERE after_hours) AS after_hours, count(*) FILTER (WHERE difficult) AS difficult,
             avg(extract(epoch FROM completed_at - started_at) / 60)::float8 AS avg_min
        FROM window_transactions WHERE clerk_id = ${clerk}::uuid AND completed_at >= ${from} AND completed_at < ${to}`),
    db.$queryRaw<{ rating: string; count: bigint }[]>(Prisma.sql`
      SELECT e.rating, count(*) AS count FROM window_evaluations e JOIN window_transactions t ON t.id = e.transaction_id
       WHERE t.clerk_id = ${clerk}::uuid AND t.completed_at >= ${from} AND t.completed_at < ${to} GROUP BY e.rating`),
    db.$queryRaw<{ called: bigint; no_show: bigint }[]>(Prisma.sql`
      SELECT count(*) AS called, count(*) FILTER (WHERE status = 'no_show') AS no_show FROM window_tickets
       WHERE called_by_id = ${clerk}::uuid AND service_day = ${d}::date`),
  ]);
  const feesByPayment = Object.fromEntries(byPayment.map((r) => [r.payment, n(r.fee)]));
  return {
    day: d,
    transactions: byResult.reduce((s, r) => s + n(r.count), 0),
    byResult: Object.fromEntries(byResult.map((r) => [r.result, n(r.count)])),
    byBusiness: byBusiness.map((r) => ({ key: r.key, count: n(r.count), feeYuan: n(r.fee) })),
    feesByPayment,
    feeTotal: Object.values(feesByPayment).reduce((s, v) => s + v, 0),
    afterHours: n(misc[0]?.after_hours),
    difficult: n(misc[0]?.difficult),
    avgServiceMinutes:
      misc[0]?.avg_min === null || misc[0]?.avg_min === undefined ? null : Math.round(misc[0].avg_min * 10) / 10,
    ratings: Object.fromEntries(ratings.map((r) => [r.rating, n(r.count)])),
    ticketsCalled: n(tickets[0]?.called),
    noShows: n(tickets[0]?.no_show),
  };
}

/**
 * 日结: keeps the day's totals as the clerk saw them when closing. Closing again the same
 * day replaces the snapshot (the audit log keeps both).
 */
export async function closeDay({ actor, note }: { actor: Actor; note?: string }) {
  const totals = await clerkDayTotals({ actor });
  const unit = await db.unit.findUniqueOrThrow({
    where: { id: actor.unitId },
    select: { id: true, path: true, kind: true },
  });
  const brigade = await brigadeOf(unit).catch(() => ({ id: unit.id }));
  return db.$transaction(async (tx) => {
    const prior = await tx.windowDayClosing.findUnique({
      where: { clerkId_day: { clerkId: actor.userId!, day: dayValue(totals.day) } },
    });
    const data = { totals: totals as unknown as Prisma.InputJsonValue, note: note ?? null, closedAt: new Date() };
    const row = prior
      ? await tx.windowDayClosing.update({ where: { id: prior.id }, data })
      : await tx.windowDayClosing.create({
          data: {
            ...data,
            unitId: unit.id,
            unitPath: unit.path,
            brigadeId: brigade.id,
            clerkId: actor.userId!,
            day: dayValue(totals.day),
          },
        });
    await writeAudit(tx, actor, {
      action: "window.day.close",
      entity: "window_day_closing",
      entityId: row.id,
      before: prior ? { totals: prior.totals, note: prior.note } : undefined,
      after: { totals, note },
    });
    return row;
  });
}

export async function dayClosing({ actor, day }: { actor: Actor; day: string }) {
  if (!actor.userId) return null;
  return db.windowDayClosing.findUnique({ where: { clerkId_day: { clerkId: actor.userId, day: dayValue(day) } } });
}
