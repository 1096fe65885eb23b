/** Helpers for the grid-duty database tests: grids, people, records inserted directly. */
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** The AppError a domain call must fail with (fails the test when it succeeds or throws anything else). */
export async function error(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

/** A square polygon with its south-west corner at (lng, lat). */
export const square = (
  lng: number,
  lat: number,
  size: number,
): { type: "Polygon"; coordinates: [number, number][][] } => ({
  type: "Polygon",
  coordinates: [
    [
      [lng, lat],
      [lng + size, lat],
      [lng + size, lat + size],
      [lng, lat + size],
      [lng, lat],
    ],
  ],
});

/** Inside the Zhenyuan county town (舞阳镇). */
export const ZY = { lng: 108.41, lat: 27.04 };

export async function makePeople(
  n: number,
  role: "OFFICER" | "AUXILIARY",
  unitCode: string,
  prefix = role === "OFFICER" ? "警" : "辅",
) {
  const unit = await db.unit.findUniqueOrThrow({ where: { code: unitCode } });
  const out: { id: string; displayName: string }[] = [];
  for (let i = 0; i < n; i++) {
    const tag = randomBytes(3).toString("hex");
    out.push(
      await db.user.create({
        data: {
          username: `t-${tag}`,
          displayName: `${prefix}${tag}`,
          role,
          unitId: unit.id,
          passwordHash: "not-a-real-hash",
          phone: `1390000${String(1000 + i).slice(-4)}`,
        },
        select: { id: true, displayName: true },
      }),
    );
  }
  return out;
}

export async function violationType(key: string, serious: boolean) {
  await db.$executeRaw`INSERT INTO violation_types (key, name_zh, name_en, serious, updated_at) VALUES (${key}, ${key}, ${key}, ${serious}, now()) ON CONFLICT DO NOTHING`;
}

export async function brigade(code: string) {
  return db.unit.findUniqueOrThrow({ where: { code }, select: { id: true, path: true } });
}

/** Inserts violations directly (the records domain owns their create path). */
export async function insertViolations(
  rows: { lat: number; lng: number; typeKey: string; serious: boolean; occurredAt: Date; gridId?: string | null }[],
  brigadeCode = "522625",
) {
  const b = await brigade(brigadeCode);
  for (const r of rows) {
    await db.$executeRaw`
      INSERT INTO violations (unit_id, unit_path, brigade_id, grid_id, occurred_at, lat, lng, type_key, serious, source, updated_at)
      VALUES (${b.id}::uuid, ${b.path}, ${b.id}::uuid, ${r.gridId ?? null}::uuid, ${r.occurredAt}, ${r.lat}, ${r.lng}, ${r.typeKey}, ${r.serious}, 'onsite', now())`;
  }
}

export async function insertAccidents(
  rows: { lat: number; lng: number; deaths: number; injured: number; occurredAt: Date; gridId?: string | null }[],
  brigadeCode = "522625",
) {
  const b = await brigade(brigadeCode);
  for (const r of rows) {
    const severity = r.deaths > 0 ? "fatal" : r.injured > 0 ? "injury" : "property";
    await db.$executeRaw`
      INSERT INTO accidents (unit_id, unit_path, brigade_id, grid_id, occurred_at, lat, lng, deaths, injured, severity, major, updated_at)
      VALUES (${b.id}::uuid, ${b.path}, ${b.id}::uuid, ${r.gridId ?? null}::uuid, ${r.occurredAt}, ${r.lat}, ${r.lng}, ${r.deaths}, ${r.injured}, ${severity}, ${r.deaths >= 3}, now())`;
  }
}

export const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
