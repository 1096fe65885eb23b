import "server-only";
/**
 * The record chain seen from a beat and from a grid (docs/incidents.md#the-record-chain):
 * what a beat's people recorded while on it and the incidents they answered; a grid's
 * records month by month. Each part is shown only to those who may see that kind of
 * record, and only inside the viewer's scope.
 */
import { can, pathLike, underPath, type Actor } from "@/lib/auth/actor";
import { readDb as db } from "@/lib/db-read";
import { AppError } from "@/lib/errors";
import { displayNamesById } from "@/lib/users/list-users";
import { TIME_ZONE } from "@/lib/time";

/** At most this many rows of each kind on a beat's page; the lists behind the links hold all. */
const SHOWN = 20;

export interface BeatChain {
  /** Records made in the beat's grid during it (record.beat_id = the beat), by anyone. */
  onBeat: { violations: number | null; accidents: number | null; incidents: number | null };
  /** What the beat's people recorded during the beat, anywhere. */
  recorded: {
    violations:
      { id: string; occurredAt: Date; type: { zh: string; en: string }; plate: string | null; by: string }[] | null;
    accidents: { id: string; occurredAt: Date; severity: string; by: string }[] | null;
    violationsTotal: number;
    accidentsTotal: number;
  };
  /** Incidents any of its people was dispatched to during the beat. */
  answered: { id: string; kind: string; status: string; receivedAt: Date; people: string[] }[] | null;
}

/** The chain of one beat in scope (404 outside it). */
export async function beatChain({ actor, input }: { actor: Actor; input: { id: string } }): Promise<BeatChain> {
  const beat = await db.beat.findFirst({
    where: { id: input.id, unitPath: underPath(actor.unitPath) },
    select: { id: true, startsAt: true, endsAt: true, members: { select: { userId: true } } },
  });
  if (!beat) throw new AppError("NOT_FOUND", "beat not found");
  const people = beat.members.map((m) => m.userId);
  const scope = underPath(actor.unitPath);
  const during = { gte: beat.startsAt, lt: beat.endsAt };
  const [canV, canA, canI] = [can(actor, "violation.view"), can(actor, "accident.view"), can(actor, "incident.view")];
  const byPeople = { recordedById: { in: people }, occurredAt: during, unitPath: scope };
  const [vOn, aOn, iOn, violations, vTotal, accidents, aTotal, answered] = await Promise.all([
    canV ? db.violation.count({ where: { beatId: beat.id, unitPath: scope } }) : null,
    canA ? db.accident.count({ where: { beatId: beat.id, unitPath: scope } }) : null,
    canI ? db.incident.count({ where: { beatId: beat.id, unitPath: scope } }) : null,
    canV && people.length
      ? db.violation.findMany({
          where: byPeople,
          select: {
            id: true,
            occurredAt: true,
            plate: true,
            recordedById: true,
            type: { select: { nameZh: true, nameEn: true } },
          },
          orderBy: { occurredAt: "asc" },
          take: SHOWN,
        })
      : null,
    canV && people.length ? db.violation.count({ where: byPeople }) : 0,
    canA && people.length
      ? db.accident.findMany({
          where: byPeople,
          select: { id: true, occurredAt: true, severity: true, recordedById: true },
          orderBy: { occurredAt: "asc" },
          take: SHOWN,
        })
      : null,
    canA && people.length ? db.accident.count({ where: byPeople }) : 0,
    canI && people.length
      ? db.incident.findMany({
          where: {
            unitPath: scope,
            dispatches: { some: { userIds: { hasSome: people }, dispatchedAt: during } },
          },
          select: {
            id: true,
            kind: true,
            status: true,
            receivedAt: true,
            dispatches: { where: { dispatchedAt: during }, select: { userIds: true } },
          },
          orderBy: { receivedAt: "asc" },
          take: SHOWN,
        })
      : null,
  ]);
  const ids = new Set<string>(people);
  for (const i of answered ?? []) for (const d of i.dispatches) d.userIds.forEach((u) => ids.add(u));
  const names = await displayNamesById(ids);
  const by = (id: string | null) => (id ? (names.get(id) ?? "—") : "—");
  return {
    onBeat: { violations: vOn, accidents: aOn, incidents: iOn },
    recorded: {
      violations:
        violations?.map((v) => ({
          id: v.id,
          occurredAt: v.occurredAt,
          type: { zh: v.type.nameZh, en: v.type.nameEn },
          plate: v.plate,
          by: by(v.recordedById),
        })) ?? (canV ? [] : null),
      accidents:
        accidents?.map((a) => ({ id: a.id, occurredAt: a.occurredAt, severity: a.severity, by: by(a.recordedById) })) ??
        (canA ? [] : null),
      violationsTotal: vTotal,
      accidentsTotal: aTotal,
    },
    answered:
      answered?.map((i) => ({
        id: i.id,
        kind: i.kind,
        status: i.status,
        receivedAt: i.receivedAt,
        people: [
          ...new Set(i.dispatches.flatMap((d) => d.userIds.filter((u) => people.includes(u)).map((u) => by(u)))),
        ],
      })) ?? (canI ? [] : null),
  };
}

export interface GridMonth {
  /** First day of the local month, YYYY-MM-01. */
  month: string;
  violations: number | null;
  accidents: number | null;
  injured: number | null;
  deaths: number | null;
  incidents: number | null;
  /** Planned hours of the grid's (not cancelled) beats starting that month. */
  beatHours: number;
}

/**
 * A grid's records over time: the last `months` local months (this one included), each
 * with its violations, accidents (injured, deaths), incidents and beat-hours — counted from
 * the records by their stored grid (record chain). 404 for a grid outside scope.
 */
export async function gridTimeline({
  actor,
  input,
}: {
  actor: Actor;
  input: { id: string; months?: number };
}): Promise<GridMonth[]> {
  const grid = await db.grid.findFirst({ where: { id: input.id, unitPath: underPath(actor.unitPath) } });
  if (!grid) throw new AppError("NOT_FOUND", "grid not found");
  const months = Math.min(Math.max(input.months ?? 12, 1), 36);
  const like = pathLike(actor.unitPath);
  const rows = await db.$queryRaw<
    {
      month: string;
      violations: number;
      accidents: number;
      injured: number;
      deaths: number;
      incidents: number;
      beat_hours: number;
    }[]
  >`
    WITH m AS (
      SELECT gs::date AS month,
             (gs::timestamp AT TIME ZONE ${TIME_ZONE}) AS lo,
             ((gs + interval '1 month')::timestamp AT TIME ZONE ${TIME_ZONE}) AS hi
        FROM generate_series(date_trunc('month', now() AT TIME ZONE ${TIME_ZONE}) - make_interval(months => ${months - 1}),
                             date_trunc('month', now() AT TIME ZONE ${TIME_ZONE}), interval '1 month') gs
    )
    SELECT to_char(m.month, 'YYYY-MM-DD') AS month,
           (SELECT count(*)::int FROM violations v
             WHERE v.grid_id = ${grid.id}::uuid AND v.occurred_at >= m.lo AND v.occurred_at < m.hi
               AND v.unit_path LIKE ${like}) AS violations,
           a.n AS accidents, a.injured, a.deaths,
           (SELECT count(*)::int FROM incidents i
             WHERE i.grid_id = ${grid.id}::uuid AND i.received_at >= m.lo AND i.received_at < m.hi
               AND i.unit_path LIKE ${like}) AS incidents,
           (SELECT coalesce(sum(extract(epoch FROM b.ends_at - b.starts_at)) / 3600, 0)::float8 FROM beats b
             WHERE b.grid_id = ${grid.id}::uuid AND b.cancelled_at IS NULL
               AND b.starts_at >= m.lo AND b.starts_at < m.hi) AS beat_hours
      FROM m
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS n, coalesce(sum(injured), 0)::int AS injured, coalesce(sum(deaths), 0)::int AS deaths
          FROM accidents x
         WHERE x.grid_id = ${grid.id}::uuid AND x.occurred_at >= m.lo AND x.occurred_at < m.hi
           AND x.unit_path LIKE ${like}) a
     ORDER BY m.month`;
  const [canV, canA, canI] = [can(actor, "violation.view"), can(actor, "accident.view"), can(actor, "incident.view")];
  return rows.map((r) => ({
    month: r.month,
    violations: canV ? r.violations : null,
    accidents: canA ? r.accidents : null,
    injured: canA ? r.injured : null,
    deaths: canA ? r.deaths : null,
    incidents: canI ? r.incidents : null,
    beatHours: Math.round(r.beat_hours * 10) / 10,
  }));
}
