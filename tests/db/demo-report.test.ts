/**
 * The demo data set, computed by the report engine, reproduces the published figures
 * (tests/fixtures/report-*.json, copied from the product brief) field by field.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { computeReport, reportUnit } from "@/lib/stats/compute-report";
import { seedDemoRecords } from "@/prisma/seed/demo";
import { runSeed } from "@/prisma/seed";
import { createUnit } from "@/lib/units/create-unit";
import { actorFor } from "../setup/actors";
import type { Area } from "@/lib/geo/geometry";
import { pointInArea } from "@/lib/geo/plane";

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../fixtures", name), "utf8"));

/** Every checked leaf of the published file: [dotted path, expected]; keys starting with "_" are context. */
function leaves(obj: unknown, prefix = ""): [string, unknown][] {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) return [[prefix, obj]];
  const o = obj as Record<string, unknown>;
  if ("min" in o && "max" in o && Object.keys(o).length === 2) return [[prefix, o]];
  return Object.entries(o)
    .filter(([k]) => !k.startsWith("_"))
    .flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function at(obj: unknown, dotted: string): unknown {
  return dotted.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

const NOW = new Date("2026-11-23T08:00:00Z");

beforeAll(async () => {
  // Everything the demo needs: catalogues, grids and roads, halls and service points, then the records.
  await runSeed(
    { db, url: process.env.DATABASE_URL!, log: () => {}, now: NOW, args: ["--profile=e2e"] },
    { only: ["violation-types", "duty", "window", "demo-records"] },
  );
}, 600_000);

describe("Zhenyuan 2019 report", () => {
  it("reproduces the published accident, violation and operation figures", async () => {
    const report = await computeReport({
      actor: await actorFor("zy-commander"),
      input: { unitCode: "522625", year: 2019 },
    });
    const expected = fixture("report-zhenyuan-2019.json");
    for (const section of ["accidents", "violations", "operations", "window"]) {
      for (const [p, want] of leaves(expected[section], section)) expect(at(report, p), p).toEqual(want);
    }
    expect(report.unit).toMatchObject({
      code: expected.unit.code,
      zh: expected.unit.zh,
      en: expected.unit.en,
      parent: expected.unit.parent,
    });
    expect(report.organisation.ruralAreaSquads).toBe(expected.organisation.ruralAreaSquads);
  });

  it("is the same computed by the province and refused outside scope", async () => {
    const admin = await computeReport({ actor: await actorFor("admin"), input: { unitCode: "522625", year: 2019 } });
    expect(admin.violations.total).toBe(58_957);
    await expect(
      computeReport({ actor: await actorFor("yj-commander"), input: { unitCode: "522625", year: 2019 } }),
    ).rejects.toThrow(/not found/);
    // The page reads the unit for its heading and hands it over: the same report.
    const actor = await actorFor("admin");
    const unit = await reportUnit({ actor, code: "522625" });
    expect(await computeReport({ actor, input: { unitCode: "522625", year: 2019 }, unit })).toEqual(admin);
  });

  it("rolls up to the detachment and the province", async () => {
    const zy = await computeReport({ actor: await actorFor("admin"), input: { unitCode: "522625", year: 2019 } });
    const gz = await computeReport({ actor: await actorFor("admin"), input: { unitCode: "520000", year: 2019 } });
    expect(gz.violations.total).toBe(zy.violations.total); // only Zhenyuan has 2019 data
    expect(gz.accidents.deaths).toEqual(zy.accidents.deaths);
  });
});

describe("Yinjiang 2024 report", () => {
  it("reproduces the published profile and accident figures", async () => {
    const report = await computeReport({
      actor: await actorFor("yj-commander"),
      input: { unitCode: "520626", year: 2024 },
    });
    const expected = fixture("report-yinjiang-2024.json");
    for (const section of ["profile", "accidents", "window", "keyVehicles"]) {
      for (const [p, want] of leaves(expected[section], section)) {
        const got = at(report, p);
        if (want && typeof want === "object" && "min" in want) {
          const { min, max } = want as { min: number; max: number };
          expect(got as number, p).toBeGreaterThanOrEqual(min);
          expect(got as number, p).toBeLessThanOrEqual(max);
        } else expect(got, p).toEqual(want);
      }
    }
    expect(report.accidents.deathsPer10kVehicles.value).toBeLessThan(2);
  });
});

describe("the demo generator", () => {
  it("places each live-day record in the grid its point falls in (the duty map's risk colours come from them)", async () => {
    const grids = await db.grid.findMany({ where: { archivedAt: null }, select: { id: true, geometry: true } });
    const rows = await db.$queryRaw<{ lat: number; lng: number; grid_id: string | null }[]>`
      SELECT lat, lng, grid_id::text FROM violations
       WHERE occurred_at > ${new Date(NOW.getTime() - 30 * 86_400_000)} AND external_ref LIKE 'demo:%'
       ORDER BY id LIMIT 2000`;
    expect(rows.length).toBeGreaterThan(500);
    const inside = (r: { lat: number; lng: number }) =>
      grids.filter((g) => pointInArea(g.geometry as unknown as Area, r.lng, r.lat)).map((g) => g.id);
    const wrong = rows.filter((r) => {
      const ids = inside(r);
      return r.grid_id ? !ids.includes(r.grid_id) : ids.length > 0;
    });
    expect(wrong.length, JSON.stringify(wrong.slice(0, 3))).toBe(0);
    // The live days put most of their records on the roads the grids cover.
    expect(rows.filter((r) => r.grid_id).length).toBeGreaterThan(rows.length / 4);
  });

  it("is idempotent: a second run creates nothing, even after the unit tree changed", async () => {
    // A new squad changes which squad the generator puts records in: ids, not (unit, ref), must catch the rerun.
    await createUnit({
      actor: await actorFor("admin"),
      input: { parentCode: "522625", kind: "SQUAD", code: "522625-09", nameZh: "新中队", nameEn: "New squad" },
    });
    const before = await db.violation.count();
    const acc = await db.accident.count();
    const tx = await db.windowTransaction.count();
    await seedDemoRecords({ db, url: process.env.DATABASE_URL!, log: () => {}, now: NOW, args: ["--profile=e2e"] });
    expect(await db.violation.count()).toBe(before);
    expect(await db.accident.count()).toBe(acc);
    expect(await db.windowTransaction.count()).toBe(tx);
  }, 300_000);
});

describe("window rollups", () => {
  /**
   * The rollup rows of the sampled (unit, day) pairs against the raw rows counted directly: one pass
   * over each raw table for all samples (a query per sample scanned the tables 500 times).
   */
  async function compareDays(samples: { unit_id: string; day: string }[]) {
    const ids = samples.map((s) => s.unit_id);
    const days = samples.map((s) => s.day);
    const raw = await db.$queryRaw<Record<string, unknown>[]>`
      WITH s AS (SELECT s.unit_id, s.day, u.path FROM unnest(${ids}::uuid[], ${days}::date[]) AS s(unit_id, day)
                   JOIN units u ON u.id = s.unit_id),
           t AS (SELECT s.unit_id, s.day,
                        count(*) FILTER (WHERE t.result = 'done')::int AS done,
                        count(*) FILTER (WHERE t.after_hours)::int AS after_hours
                   FROM s JOIN window_transactions t ON local_day(t.completed_at) = s.day AND t.unit_path LIKE s.path || '%'
                  GROUP BY 1, 2),
           c AS (SELECT unit_id, day, jsonb_object_agg(k, n) AS by_category
                   FROM (SELECT s.unit_id, s.day, t.category_key AS k, count(*) AS n
                           FROM s JOIN window_transactions t ON local_day(t.completed_at) = s.day AND t.unit_path LIKE s.path || '%'
                          WHERE t.result = 'done' GROUP BY 1, 2, 3) x GROUP BY 1, 2),
           e AS (SELECT s.unit_id, s.day, count(*)::int AS satisfied
                   FROM s JOIN window_evaluations e ON local_day(e.evaluated_at) = s.day AND e.unit_path LIKE s.path || '%'
                  WHERE e.rating = 'satisfied' GROUP BY 1, 2),
           k AS (SELECT s.unit_id, s.day, count(*)::int AS tickets
                   FROM s JOIN window_tickets k ON local_day(k.issued_at) = s.day AND k.unit_path LIKE s.path || '%'
                  GROUP BY 1, 2)
      SELECT s.unit_id::text AS unit_id, s.day::text AS day, coalesce(t.done, 0) AS done, coalesce(t.after_hours, 0) AS after_hours,
             coalesce(c.by_category, '{}') AS by_category, coalesce(e.satisfied, 0) AS satisfied, coalesce(k.tickets, 0) AS tickets
        FROM s LEFT JOIN t USING (unit_id, day) LEFT JOIN c USING (unit_id, day)
               LEFT JOIN e USING (unit_id, day) LEFT JOIN k USING (unit_id, day)`;
    const roll = await db.$queryRaw<Record<string, unknown>[]>`
      WITH s AS (SELECT * FROM unnest(${ids}::uuid[], ${days}::date[]) AS s(unit_id, day))
      SELECT s.unit_id::text AS unit_id, s.day::text AS day,
             (SELECT coalesce(sum(done), 0)::int FROM window_daily d WHERE d.unit_id = s.unit_id AND d.day = s.day) AS done,
             (SELECT coalesce(sum(after_hours), 0)::int FROM window_daily d WHERE d.unit_id = s.unit_id AND d.day = s.day) AS after_hours,
             coalesce((SELECT jsonb_object_agg(k, n) FROM (SELECT e.key AS k, sum(e.value::int) AS n
                         FROM window_daily d, jsonb_each_text(d.by_category) e
                        WHERE d.unit_id = s.unit_id AND d.day = s.day GROUP BY 1 HAVING sum(e.value::int) <> 0) x), '{}') AS by_category,
             (SELECT coalesce(sum(satisfied), 0)::int FROM window_daily d WHERE d.unit_id = s.unit_id AND d.day = s.day) AS satisfied,
             (SELECT coalesce(sum(tickets), 0)::int FROM window_daily d WHERE d.unit_id = s.unit_id AND d.day = s.day) AS tickets
        FROM s`;
    const byKey = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [`${r.unit_id} ${r.day}`, r]));
    const rawBy = byKey(raw);
    const rollBy = byKey(roll);
    expect(rawBy.size).toBe(samples.length);
    for (const [key, r] of rollBy) expect(r, key).toEqual(rawBy.get(key));
  }

  it("equal the raw transactions, ratings and tickets, also after edits and deletes", async () => {
    await db.$executeRaw`UPDATE window_transactions SET category_key = 'other', result = 'returned', missing_documents = 'x', follow_up_due = '2030-01-01'
      WHERE id IN (SELECT id FROM window_transactions ORDER BY id LIMIT 300)`;
    await db.$executeRaw`DELETE FROM window_evaluations WHERE id IN (SELECT id FROM window_evaluations ORDER BY id DESC LIMIT 200)`;
    const samples = await db.$queryRaw<{ unit_id: string; day: string }[]>`
      SELECT unit_id::text AS unit_id, day::text AS day FROM window_daily GROUP BY 1, 2 ORDER BY md5(unit_id::text || day::text) LIMIT 100`;
    expect(samples.length).toBe(100);
    await compareDays(samples);
    // the comparison itself must see a difference: a rollup off by one is caught
    await expect(
      (async () => {
        const [one] = samples;
        await db.$executeRaw`UPDATE window_daily SET done = done + 1 WHERE unit_id = ${one.unit_id}::uuid AND day = ${one.day}::date
          AND ctid = (SELECT ctid FROM window_daily WHERE unit_id = ${one.unit_id}::uuid AND day = ${one.day}::date LIMIT 1)`;
        try {
          await compareDays(samples);
        } finally {
          await db.$executeRaw`UPDATE window_daily SET done = done - 1 WHERE unit_id = ${one.unit_id}::uuid AND day = ${one.day}::date
            AND ctid = (SELECT ctid FROM window_daily WHERE unit_id = ${one.unit_id}::uuid AND day = ${one.day}::date LIMIT 1)`;
        }
      })(),
    ).rejects.toThrow();
  });
});
