/**
 * Rollups must always equal the raw facts they summarise: after single inserts, bulk
 * inserts, updates, deletes, concurrent writers and a unit move, for random (unit, day)
 * samples at every level of the tree.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { moveUnit } from "@/lib/units/move-unit";
import { actorFor } from "../setup/actors";

const TYPES = ["drink_driving", "illegal_parking", "speeding_50", "no_helmet"];
let squads: { id: string; code: string; path: string; brigadeId: string }[] = [];

function rnd(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

async function loadSquads() {
  const rows = await db.unit.findMany({ where: { kind: "SQUAD" }, select: { id: true, code: true, path: true } });
  const brigades = new Map((await db.unit.findMany({ where: { kind: "BRIGADE" } })).map((b) => [b.code, b.id]));
  squads = rows.map((s) => ({ ...s, brigadeId: brigades.get(s.path.split("/").filter(Boolean).at(-2)!)! }));
}

async function insertViolations(n: number, seed: number) {
  await loadSquads(); // paths change when units move
  const r = rnd(seed);
  const rows = Array.from({ length: n }, () => {
    const u = squads[Math.floor(r() * squads.length)];
    const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 40 * 86400_000));
    return [
      u.id,
      u.path,
      u.brigadeId,
      at.toISOString(),
      TYPES[Math.floor(r() * TYPES.length)],
      r() < 0.3,
      ["onsite", "camera"][Math.floor(r() * 2)],
      r() < 0.1 ? 5 : 0,
      r() < 0.2,
      Math.floor(r() * 500),
      Math.floor(r() * 6),
    ];
  });
  // One multi-row statement: exercises the bulk path of the statement-level trigger.
  await db.$executeRawUnsafe(
    `INSERT INTO violations (unit_id, unit_path, brigade_id, occurred_at, type_key, serious, source, detention_days, licence_seized, fine_yuan, points)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::text[], $6::bool[], $7::text[], $8::int[], $9::bool[], $10::int[], $11::int[])`,
    ...Array.from({ length: 11 }, (_, i) => rows.map((row) => row[i])),
  );
}

async function insertAccidents(n: number, seed: number) {
  const r = rnd(seed);
  for (let i = 0; i < n; i++) {
    const u = squads[Math.floor(r() * squads.length)];
    const deaths = r() < 0.05 ? 1 + Math.floor(r() * 3) : 0;
    const injured = r() < 0.2 ? 1 + Math.floor(r() * 3) : 0;
    const severity = deaths > 0 ? "fatal" : injured > 0 ? "injury" : "property";
    const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 40 * 86400_000));
    await db.$executeRaw`INSERT INTO accidents (unit_id, unit_path, brigade_id, occurred_at, deaths, injured, severity, major, property_loss_yuan, handling, hit_and_run, rescue_fund_yuan)
      VALUES (${u.id}::uuid, ${u.path}, ${u.brigadeId}::uuid, ${at}, ${deaths}, ${injured}, ${severity}, ${deaths >= 3}, ${Math.floor(r() * 9000)}, ${r() < 0.5 ? "quick" : "onsite"}, ${r() < 0.05}, ${r() < 0.02 ? 20000 : 0})`;
  }
}

/** Raw figures for a unit's subtree on one local day vs the rollup rows (all shards). */
async function compare(unitId: string, day: string) {
  const [raw] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT count(*)::int AS total, coalesce(sum(serious::int), 0)::int AS serious, coalesce(sum((detention_days > 0)::int), 0)::int AS detentions,
           coalesce(sum(licence_seized::int), 0)::int AS seized, coalesce(sum(fine_yuan), 0)::bigint AS fines,
           coalesce((SELECT jsonb_object_agg(type_key, n) FROM (SELECT type_key, count(*) n FROM violations v2, units u2
                      WHERE u2.id = ${unitId}::uuid AND v2.unit_path LIKE u2.path || '%' AND local_day(v2.occurred_at) = ${day}::date GROUP BY 1) t), '{}') AS by_type
      FROM violations v, units u
     WHERE u.id = ${unitId}::uuid AND v.unit_path LIKE u.path || '%' AND local_day(v.occurred_at) = ${day}::date`;
  const [roll] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT coalesce(sum(total), 0)::int AS total, coalesce(sum(serious), 0)::int AS serious, coalesce(sum(detentions), 0)::int AS detentions,
           coalesce(sum(licences_seized), 0)::int AS seized, coalesce(sum(fines_yuan), 0)::bigint AS fines, coalesce(jsonb_sum(by_type), '{}') AS by_type
      FROM violation_daily WHERE unit_id = ${unitId}::uuid AND day = ${day}::date`;
  expect(roll, `violations ${unitId} ${day}`).toEqual(raw);

  const [araw] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT count(*)::int AS total, coalesce(sum((severity = 'fatal')::int), 0)::int AS fatal, coalesce(sum(deaths), 0)::int AS deaths,
           coalesce(sum((severity = 'injury')::int), 0)::int AS injury, coalesce(sum(injured), 0)::int AS injured,
           coalesce(sum(property_loss_yuan), 0)::bigint AS loss, coalesce(sum((handling = 'quick')::int), 0)::int AS quick
      FROM accidents a, units u WHERE u.id = ${unitId}::uuid AND a.unit_path LIKE u.path || '%' AND local_day(a.occurred_at) = ${day}::date`;
  const [aroll] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT coalesce(sum(total), 0)::int AS total, coalesce(sum(fatal), 0)::int AS fatal, coalesce(sum(deaths), 0)::int AS deaths,
           coalesce(sum(injury), 0)::int AS injury, coalesce(sum(injured), 0)::int AS injured,
           coalesce(sum(property_loss_yuan), 0)::bigint AS loss, coalesce(sum(quick_handled), 0)::int AS quick
      FROM accident_daily WHERE unit_id = ${unitId}::uuid AND day = ${day}::date`;
  expect(aroll, `accidents ${unitId} ${day}`).toEqual(araw);
}

async function compareSamples(n: number, seed: number) {
  const r = rnd(seed);
  const units = await db.unit.findMany({ select: { id: true } });
  for (let i = 0; i < n; i++) {
    const u = units[Math.floor(r() * units.length)];
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(r() * 41) * 86400_000).toISOString().slice(0, 10);
    await compare(u.id, day);
  }
}

beforeAll(async () => {
  for (const key of TYPES) {
    await db.violationType.create({ data: { key, nameZh: key, nameEn: key } });
  }
  await loadSquads();
});

describe("rollups equal raw facts", () => {
  it("after bulk and single inserts", async () => {
    await insertViolations(3000, 1);
    await insertViolations(1, 2);
    await insertAccidents(150, 3);
    await compareSamples(100, 10);
    // The whole tree adds up: the two provinces hold every violation exactly once.
    const [{ n }] = await db.$queryRaw<
      { n: number }[]
    >`SELECT sum(total)::int AS n FROM violation_daily d JOIN units u ON u.id = d.unit_id WHERE u.parent_id IS NULL`;
    expect(n).toBe(await db.violation.count());
  });

  it("after updates (rollup columns and others) and deletes", async () => {
    await db.$executeRaw`UPDATE violations SET type_key = 'no_helmet', fine_yuan = 50 WHERE id IN (SELECT id FROM violations ORDER BY id LIMIT 400)`;
    await db.$executeRaw`UPDATE violations SET occurred_at = occurred_at + interval '20 hours' WHERE id IN (SELECT id FROM violations ORDER BY id DESC LIMIT 300)`;
    await db.$executeRaw`UPDATE violations SET status = 'closed' WHERE id IN (SELECT id FROM violations ORDER BY id LIMIT 1000)`;
    await db.$executeRaw`DELETE FROM violations WHERE id IN (SELECT id FROM violations ORDER BY occurred_at LIMIT 250)`;
    await db.$executeRaw`UPDATE accidents SET deaths = 0, injured = 2, severity = 'injury', major = false WHERE severity = 'fatal'`;
    await db.$executeRaw`DELETE FROM accidents WHERE id IN (SELECT id FROM accidents ORDER BY id LIMIT 20)`;
    await compareSamples(100, 11);
  });

  it("with concurrent writers", async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => insertViolations(200, 100 + i)));
    await compareSamples(100, 12);
  });

  it("when a squad moves to another brigade", async () => {
    const admin = await actorFor("admin");
    await moveUnit({ actor: admin, input: { code: "522625-03", newParentCode: "520626" } });
    await compareSamples(60, 13);
    const [{ zy, yj }] = await db.$queryRaw<{ zy: number; yj: number }[]>`
      SELECT (SELECT count(*)::int FROM violations WHERE unit_path LIKE '/520000/522600/522625/%') AS zy,
             (SELECT count(*)::int FROM violations WHERE unit_path LIKE '/520000/520600/520626/%') AS yj`;
    const sumFor = async (code: string) =>
      (
        await db.$queryRaw<
          { n: number }[]
        >`SELECT coalesce(sum(total), 0)::int AS n FROM violation_daily d JOIN units u ON u.id = d.unit_id WHERE u.code = ${code}`
      )[0].n;
    expect(await sumFor("522625")).toBe(zy);
    expect(await sumFor("520626")).toBe(yj);
  });

  it("rebuild_rollups() reproduces the trigger-maintained rollups", async () => {
    const before =
      await db.$queryRaw`SELECT unit_id, day, shard, total, by_type FROM violation_daily WHERE total <> 0 ORDER BY 1, 2, 3`;
    await db.$executeRaw`SELECT rebuild_rollups()`;
    const after =
      await db.$queryRaw`SELECT unit_id, day, shard, total, by_type FROM violation_daily WHERE total <> 0 ORDER BY 1, 2, 3`;
    expect(after).toEqual(before);
  });
});

describe("rollup compaction", () => {
  it("merges the shards of past days without changing any figure", async () => {
    const before = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM violation_daily WHERE shard > 0`;
    expect(before[0].n).toBeGreaterThan(0);
    await db.$executeRaw`SELECT compact_rollups('2030-01-01'::date)`;
    const after = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM violation_daily WHERE shard > 0`;
    expect(after[0].n).toBe(0);
    await compareSamples(100, 14);
    // Writes after compaction still land correctly (in shards again).
    await insertViolations(500, 15);
    await compareSamples(50, 16);
  });
});

describe("jsonb_add (the rollups' map sum)", () => {
  it("sums per key, drops keys summing to 0, reads NULL as {} — as the set-based definition does", async () => {
    // The definition it replaced (20261127000000_stats_rollups), inline, against random maps.
    const [{ differ, n }] = await db.$queryRaw<{ differ: number; n: number }[]>`
      WITH maps AS (
        SELECT i, (SELECT jsonb_object_agg('k' || j, (i * j) % 7 - 3) FROM generate_series(1, 1 + i % 6) j WHERE (i * j) % 7 <> 3) AS a,
               (SELECT jsonb_object_agg('k' || j, (i + j) % 5 - 2) FROM generate_series(i % 3, 8, 2) j WHERE (i + j) % 5 <> 2) AS b
          FROM generate_series(1, 2000) i),
      cases AS (SELECT a, b FROM maps UNION ALL SELECT b, a FROM maps UNION ALL SELECT a, NULL FROM maps
                UNION ALL SELECT NULL, b FROM maps UNION ALL SELECT a, '{}' FROM maps UNION ALL SELECT a, a FROM maps
                UNION ALL SELECT '{"x": 0, "y": 2}', '{"y": -2}' UNION ALL SELECT NULL, NULL)
      SELECT count(*) FILTER (WHERE jsonb_add(a, b) IS DISTINCT FROM (
               SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
                 FROM (SELECT k, sum(v) AS v
                         FROM (SELECT key AS k, value::bigint AS v FROM jsonb_each_text(coalesce(a, '{}'))
                               UNION ALL SELECT key, value::bigint FROM jsonb_each_text(coalesce(b, '{}'))) s
                        GROUP BY k HAVING sum(v) <> 0) t))::int AS differ,
             count(*)::int AS n
        FROM cases`;
    expect(n).toBe(12_002);
    expect(differ).toBe(0);
    const [{ r }] = await db.$queryRaw<
      { r: unknown }[]
    >`SELECT jsonb_add('{"a": 2, "b": 1}', '{"a": -2, "c": 5}') AS r`;
    expect(r).toEqual({ b: 1, c: 5 });
  });
});
