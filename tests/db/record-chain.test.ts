/**
 * The record chain: every violation, accident and incident knows its grid and the beat on
 * duty there and then (and records their incident). Derived at write and import time,
 * kept true when beats change, backfilled by an idempotent command — and each way is
 * compared with a plain query on random samples.
 */
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/actor";
import { createAccident } from "@/lib/accidents/create-accident";
import { createAccidentSchema } from "@/lib/accidents/schemas";
import { createBeat } from "@/lib/duty/create-beat";
import { createGridSchema } from "@/lib/duty/schemas";
import { cancelBeat } from "@/lib/duty/update-beat";
import { createGrid } from "@/lib/duty/write-grids";
import { createIncident } from "@/lib/incidents/create-incident";
import { getIncident } from "@/lib/incidents/read-incidents";
import { createIncidentSchema } from "@/lib/incidents/schemas";
import { backfillChain, BeatIndex } from "@/lib/records/chain";
import { createViolation } from "@/lib/violations/create-violation";
import { importViolations } from "@/lib/violations/import-violations";
import { createViolationSchema } from "@/lib/violations/schemas";
import { actorFor } from "../setup/actors";
import { makePeople, square, ZY } from "../setup/duty-fixtures";
import { codeOf, ensureCatalogue } from "../setup/records";

let duty: SessionUser;
let commander: SessionUser;
let gridA: string;
let gridB: string;
const beats: string[] = [];
const DAY = 86_400_000;
const HOUR = 3_600_000;
// Ten whole days ending at the last midnight (local), so beats and records are in the past.
const end = new Date(Math.floor((Date.now() + 8 * HOUR) / DAY) * DAY - 8 * HOUR);
const start = new Date(end.getTime() - 10 * DAY);

/** A small deterministic PRNG, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** THE plain query the chain must agree with: no function, no index tricks. */
async function expectedBeats(table: "violations" | "accidents", ids: string[]) {
  const rows = await db.$queryRawUnsafe<{ id: string; beat_id: string | null; expected: string | null }[]>(
    `SELECT r.id, r.beat_id,
            (SELECT b.id FROM beats b
              WHERE b.grid_id = r.grid_id AND b.cancelled_at IS NULL
                AND b.starts_at <= r.occurred_at AND r.occurred_at < b.ends_at
              ORDER BY b.starts_at DESC, b.id LIMIT 1) AS expected
       FROM ${table} r WHERE r.id = ANY($1::uuid[])`,
    ids,
  );
  return rows;
}

async function sample(table: "violations" | "accidents", n: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT id FROM ${table} WHERE brigade_id = (SELECT id FROM units WHERE code = '522625') ORDER BY random() LIMIT ${n}`,
  );
  return rows.map((r) => r.id);
}

async function assertAgree(table: "violations" | "accidents", n = 300) {
  const rows = await expectedBeats(table, await sample(table, n));
  expect(rows.length).toBeGreaterThan(0);
  const wrong = rows.filter((r) => r.beat_id !== r.expected);
  expect(wrong, JSON.stringify(wrong.slice(0, 3))).toEqual([]);
  return rows;
}

beforeAll(async () => {
  await ensureCatalogue();
  duty = await actorFor("zy-duty");
  commander = await actorFor("zy-commander");
  const grid = async (name: string, lng: number) =>
    (
      await createGrid({
        actor: duty,
        input: createGridSchema.parse({
          unitCode: "522625-01",
          name,
          kind: "urban",
          geometry: square(lng, ZY.lat, 0.01),
          difficulty: 3,
        }),
      })
    ).grid.id;
  gridA = await grid("链测试甲", ZY.lng);
  gridB = await grid("链测试乙", ZY.lng + 0.01);
  const people = await makePeople(6, "OFFICER", "522625-01");
  // Each day: grid A has a long day shift and, overlapping it, a shorter peak shift (the
  // later start wins); grid B an evening shift. Different people, so nobody is double-booked.
  for (let d = 0; d < 10; d++) {
    const day = start.getTime() + d * DAY;
    for (const [g, from, to, who] of [
      [gridA, 7, 15, 0],
      [gridA, 8, 10, 1],
      [gridB, 17, 23, 2],
      [gridB, 17, 19, 3], // same start as the one above: the smaller id wins
    ] as const) {
      const r = await createBeat({
        actor: duty,
        input: {
          gridId: g,
          startsAt: new Date(day + from * HOUR),
          endsAt: new Date(day + to * HOUR),
          shiftKind: "custom",
          leadUserId: people[who].id,
          auxiliaryUserIds: [],
          mustReachPointIds: [],
          mustCorrectTypes: [],
          notes: null,
        },
      });
      beats.push(r.beat.id);
    }
  }
});

describe("import", () => {
  it("an import of violations over a period with beats gives each row its beat and grid", async () => {
    const next = rng(12);
    const lines = ["occurredAt,lat,lng,plate,plateColor,vehicleType,type,source,externalRef"];
    for (let i = 0; i < 3000; i++) {
      const at = new Date(start.getTime() + Math.floor(next() * 10 * DAY));
      // Mostly inside the two grids, some outside any grid.
      // (never on a grid's edge, which belongs to neither)
      const lng = ZY.lng + 0.0002 + next() * (next() < 0.9 ? 0.0196 : 0.05);
      const lat = ZY.lat + 0.0002 + next() * 0.0096;
      lines.push(
        `${at.toISOString()},${lat.toFixed(6)},${lng.toFixed(6)},贵H${String(10000 + i)},blue,small_car,illegal_parking,camera,CHAIN-${i}`,
      );
    }
    const report = await importViolations({
      actor: commander,
      body: Readable.from([Buffer.from(lines.join("\n") + "\n")]),
      format: "csv",
      batchSize: 700,
    });
    expect(report).toMatchObject({ received: 3000, created: 3000, rejected: 0 });
    const rows = await db.violation.findMany({
      where: { externalRef: { startsWith: "CHAIN-" } },
      select: { id: true, lat: true, lng: true, gridId: true, beatId: true },
    });
    // Grids: by location.
    for (const r of rows) {
      const inA = r.lng! < ZY.lng + 0.0099;
      const inB = r.lng! > ZY.lng + 0.0101 && r.lng! < ZY.lng + 0.0199;
      if (inA) expect(r.gridId).toBe(gridA);
      if (inB) expect(r.gridId).toBe(gridB);
      if (r.lng! > ZY.lng + 0.0201) expect(r.gridId).toBeNull();
    }
    const withBeat = rows.filter((r) => r.beatId).length;
    console.log(`import: ${withBeat} of ${rows.length} violations on a beat`);
    expect(withBeat).toBeGreaterThan(300);
    expect(withBeat).toBeLessThan(rows.length);
    // Beats: every row agrees with the plain query.
    const all = await expectedBeats(
      "violations",
      rows.map((r) => r.id),
    );
    expect(all.filter((r) => r.beat_id !== r.expected)).toEqual([]);
  });

  it("the in-memory index and the SQL rule agree at random instants, overlaps included", async () => {
    const brigade = await db.unit.findUniqueOrThrow({ where: { code: "522625" } });
    const index = await BeatIndex.load(brigade.id);
    const next = rng(99);
    for (let i = 0; i < 400; i++) {
      const at = new Date(start.getTime() + Math.floor(next() * 10 * DAY));
      const g = next() < 0.5 ? gridA : gridB;
      const [row] = await db.$queryRaw<{ id: string | null }[]>`SELECT chain_beat_at(${g}::uuid, ${at}) AS id`;
      expect(index.at(g, at), at.toISOString()).toBe(row.id);
    }
  });
});

describe("single writes and links", () => {
  it("a violation or accident made for an incident links to it; the incident lists them; a foreign incident is refused", async () => {
    const inc = (
      await createIncident({
        actor: duty,
        input: createIncidentSchema.parse({ kind: "accident_injury", lat: ZY.lat + 0.005, lng: ZY.lng + 0.005 }),
      })
    ).record;
    const at = new Date(start.getTime() + 3 * DAY + 9 * HOUR); // inside both day shifts of grid A
    const acc = await createAccident({
      actor: commander,
      input: createAccidentSchema.parse({
        occurredAt: at.toISOString(),
        lat: ZY.lat + 0.005,
        lng: ZY.lng + 0.005,
        injured: 1,
        incidentId: inc.id,
      }),
    });
    expect(acc.record).toMatchObject({ incidentId: inc.id, gridId: gridA, recordedById: commander.userId });
    expect(acc.record.beatId).not.toBeNull();
    const [check] = await expectedBeats("accidents", [acc.record.id]);
    expect(check.beat_id).toBe(check.expected);
    const v = await createViolation({
      actor: commander,
      input: createViolationSchema.parse({
        occurredAt: at.toISOString(),
        lat: ZY.lat + 0.005,
        lng: ZY.lng + 0.005,
        type: "illegal_parking",
        incidentId: inc.id,
      }),
    });
    expect(v.record).toMatchObject({ incidentId: inc.id, beatId: acc.record.beatId });
    const detail = await getIncident({ actor: duty, input: { id: inc.id } });
    expect(detail.records.accidents.map((a) => a.id)).toEqual([acc.record.id]);
    expect(detail.records.violations.map((x) => x.id)).toEqual([v.record.id]);

    // An incident of another brigade (or none) cannot be linked: 422 on incidentId, nothing written.
    const yj = await actorFor("yj-commander");
    const yjInc = await db.incident.create({
      data: {
        unitId: yj.unitId,
        unitPath: yj.unitPath,
        brigadeId: yj.unitId,
        source: "call_122",
        kind: "other",
        lat: 27.99,
        lng: 108.41,
        receivedAt: new Date(),
      },
    });
    const before = await db.accident.count();
    for (const incidentId of [yjInc.id, "00000000-0000-7000-8000-000000000000"])
      expect(
        await codeOf(
          createAccident({
            actor: commander,
            input: createAccidentSchema.parse({ occurredAt: at.toISOString(), lat: ZY.lat, lng: ZY.lng, incidentId }),
          }),
        ),
      ).toBe("INVALID");
    expect(await db.accident.count()).toBe(before);
  });
});

describe("kept true and backfilled", () => {
  it("cancelling a beat re-derives the records of its grid and time", async () => {
    const victim = beats[1]; // day 0, grid A, 08:00–10:00 (the later start in the overlap)
    const had = await db.violation.count({ where: { beatId: victim } });
    expect(had).toBeGreaterThan(0);
    await cancelBeat({ actor: duty, input: { id: victim, reason: "测试" } });
    expect(await db.violation.count({ where: { beatId: victim } })).toBe(0);
    await assertAgree("violations");
  });

  it("npm run backfill:chain fills what is missing; run twice, the second run changes nothing", async () => {
    // Rows as an old database would hold them: no beat (and some without a grid).
    await db.$executeRaw`UPDATE violations SET beat_id = NULL WHERE external_ref LIKE 'CHAIN-%'`;
    await db.$executeRaw`UPDATE violations SET grid_id = NULL WHERE external_ref LIKE 'CHAIN-1%'`;
    await db.$executeRaw`UPDATE accidents SET beat_id = NULL`;
    const first = await backfillChain();
    expect(first.beats.violations).toBeGreaterThan(100);
    expect(first.grids.violations).toBeGreaterThan(100);
    const second = await backfillChain();
    expect(second.grids).toEqual({ violations: 0, accidents: 0, incidents: 0 });
    expect(second.beats).toEqual({ violations: 0, accidents: 0, incidents: 0 });
    await assertAgree("violations", 500);
    await assertAgree("accidents", 50);
  });
});
