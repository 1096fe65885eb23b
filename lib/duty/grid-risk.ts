import "server-only";
/**
 * Risk colour of grids (by the records assigned to them, grid_id) and of road segments
 * (by the records within the brigade's buffer distance of the line), over each brigade's
 * risk window, with the counts behind every colour.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { distanceToLineM, growBBox } from "@/lib/geo/plane";
import { assessRisk, emptyCounts, type Risk, type RiskCounts } from "./risk";
import { settingsFor, type DutySettings } from "./settings";
import type { Position } from "geojson";

const DAY = 86_400_000;

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}

export async function gridRisks(
  grids: { id: string; brigadeId: string }[],
  now = new Date(),
): Promise<Map<string, Risk>> {
  const out = new Map<string, Risk>();
  if (grids.length === 0) return out;
  const settings = await settingsFor([...new Set(grids.map((g) => g.brigadeId))]);
  // One pair of queries per distinct window length (usually one: 30 days).
  const byWindow = groupBy(grids, (g) => String(settings.get(g.brigadeId)!.riskWindowDays));
  for (const [days, gs] of byWindow) {
    const ids = gs.map((g) => g.id);
    const since = new Date(now.getTime() - Number(days) * DAY);
    const counts = new Map<string, RiskCounts>(ids.map((id) => [id, emptyCounts()]));
    const acc = await db.$queryRaw<{ grid_id: string; fatal: number; injury: number; property: number }[]>`
      SELECT grid_id, count(*) FILTER (WHERE severity = 'fatal')::int AS fatal,
             count(*) FILTER (WHERE severity = 'injury')::int AS injury,
             count(*) FILTER (WHERE severity = 'property')::int AS property
        FROM accidents
       WHERE grid_id = ANY(${ids}::uuid[]) AND occurred_at >= ${since} AND occurred_at <= ${now}
       GROUP BY grid_id`;
    const vio = await db.$queryRaw<{ grid_id: string; serious: number; other: number }[]>`
      SELECT grid_id, count(*) FILTER (WHERE serious)::int AS serious, count(*) FILTER (WHERE NOT serious)::int AS other
        FROM violations
       WHERE grid_id = ANY(${ids}::uuid[]) AND occurred_at >= ${since} AND occurred_at <= ${now}
       GROUP BY grid_id`;
    for (const r of acc)
      Object.assign(counts.get(r.grid_id)!, { fatal: r.fatal, injury: r.injury, property: r.property });
    for (const r of vio) Object.assign(counts.get(r.grid_id)!, { serious: r.serious, other: r.other });
    for (const g of gs) out.set(g.id, assessRisk(counts.get(g.id)!, settings.get(g.brigadeId)!));
  }
  return out;
}

/** Accidents of the last 12 months per grid (a sizing factor). */
export async function accidentsLast12Months(gridIds: string[], now = new Date()): Promise<Map<string, number>> {
  if (!gridIds.length) return new Map();
  const rows = await db.$queryRaw<{ grid_id: string; n: number }[]>`
    SELECT grid_id, count(*)::int AS n FROM accidents
     WHERE grid_id = ANY(${gridIds}::uuid[]) AND occurred_at >= ${new Date(now.getTime() - 365 * DAY)} AND occurred_at <= ${now}
     GROUP BY grid_id`;
  return new Map(rows.map((r) => [r.grid_id, r.n]));
}

interface SegmentIn {
  id: string;
  brigadeId: string;
  geometry: { coordinates: Position[] };
  bbox: readonly number[];
}

export async function segmentRisks(segments: SegmentIn[], now = new Date()): Promise<Map<string, Risk>> {
  const out = new Map<string, Risk>();
  const byBrigade = groupBy(segments, (s) => s.brigadeId);
  const settings = await settingsFor([...byBrigade.keys()]);
  for (const [brigadeId, segs] of byBrigade) {
    const s = settings.get(brigadeId)!;
    const grown = segs.map((x) => ({ ...x, box: growBBox(x.bbox, s.segmentBufferM), counts: emptyCounts() }));
    const area = [
      Math.min(...grown.map((g) => g.box[0])),
      Math.min(...grown.map((g) => g.box[1])),
      Math.max(...grown.map((g) => g.box[2])),
      Math.max(...grown.map((g) => g.box[3])),
    ];
    const since = new Date(now.getTime() - s.riskWindowDays * DAY);
    const within = Prisma.sql`brigade_id = ${brigadeId}::uuid AND occurred_at >= ${since} AND occurred_at <= ${now}
      AND lat BETWEEN ${area[1]} AND ${area[3]} AND lng BETWEEN ${area[0]} AND ${area[2]}`;
    const acc = await db.$queryRaw<
      { lat: number; lng: number; severity: string }[]
    >`SELECT lat, lng, severity FROM accidents WHERE ${within}`;
    const vio = await db.$queryRaw<
      { lat: number; lng: number; serious: boolean }[]
    >`SELECT lat, lng, serious FROM violations WHERE ${within}`;
    const near = (p: { lat: number; lng: number }, g: (typeof grown)[number]) =>
      p.lng >= g.box[0] &&
      p.lng <= g.box[2] &&
      p.lat >= g.box[1] &&
      p.lat <= g.box[3] &&
      distanceToLineM(p, g.geometry.coordinates) <= s.segmentBufferM;
    for (const g of grown) {
      for (const a of acc) if (near(a, g)) g.counts[a.severity as "fatal" | "injury" | "property"]++;
      for (const v of vio) if (near(v, g)) g.counts[v.serious ? "serious" : "other"]++;
      out.set(g.id, assessRisk(g.counts, s));
    }
  }
  return out;
}

export type { DutySettings };
