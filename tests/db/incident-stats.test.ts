/**
 * 接处警 figures (dashboard card, report section): response times, volumes by kind and source
 * and the share closed with feedback are computed from the incident rows — checked here
 * against known values and against a direct count over the raw rows.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { incidentStats } from "@/lib/incidents/stats";
import { actorFor } from "../setup/actors";

const PERIOD = { from: "2020-03-01", to: "2020-03-31" };

/** One incident received on `day` at 10:00 local, dispatched after `d` min and on scene after `a` min. */
async function incident(o: {
  unit: string;
  day: string;
  d?: number | null;
  a?: number | null;
  kind?: string;
  source?: string;
  closed?: { reached: boolean } | null;
}) {
  const u = await db.unit.findUniqueOrThrow({ where: { code: o.unit } });
  const brigade = await db.unit.findUniqueOrThrow({ where: { code: u.path.split("/").filter(Boolean)[2] } });
  const at = new Date(`${o.day}T10:00:00+08:00`);
  const plus = (m: number | null | undefined) => (m == null ? null : new Date(at.getTime() + m * 60_000));
  const closed = o.closed ?? null;
  const arrived = plus(o.a);
  await db.incident.create({
    data: {
      unitId: u.id,
      unitPath: u.path,
      brigadeId: brigade.id,
      source: o.source ?? "call_122",
      kind: o.kind ?? "congestion",
      status: closed ? "closed" : arrived ? "on_scene" : o.d != null ? "dispatched" : "received",
      lat: 27.05,
      lng: 108.4,
      receivedAt: at,
      dispatchedAt: plus(o.d),
      arrivedAt: arrived,
      closedAt: closed ? plus(120) : null,
      feedbackReached: closed ? closed.reached : null,
    },
  });
}

beforeAll(async () => {
  // March 2020 in Zhenyuan: dispatch after 1, 2, 3, 4, 10 min; on scene after 10, 20, 30 min.
  await incident({ unit: "522625", day: "2020-03-02", d: 1, a: 10, closed: { reached: true } });
  await incident({ unit: "522625-01", day: "2020-03-05", d: 2, a: 20, closed: { reached: false }, kind: "breakdown" });
  await incident({ unit: "522625", day: "2020-03-09", d: 3, a: 30, closed: { reached: true }, source: "transfer_110" });
  await incident({ unit: "522625", day: "2020-03-20", d: 4 });
  await incident({ unit: "522625", day: "2020-03-31", d: 10, kind: "breakdown" });
  // Outside the period (the day after), and March 2019 for 同比: dispatch after 4 and 6 min.
  await incident({ unit: "522625", day: "2020-04-01", d: 50 });
  await incident({ unit: "522625", day: "2019-03-10", d: 4 });
  await incident({ unit: "522625", day: "2019-03-11", d: 6, kind: "dispute" });
  // Yinjiang, same month: never counted for Zhenyuan.
  await incident({ unit: "520626", day: "2020-03-03", d: 99, a: 200 });
});

describe("incident figures", () => {
  it("median and p90 of the response times, 同比, kinds, sources and the feedback share", async () => {
    const s = await incidentStats({
      actor: await actorFor("zy-commander"),
      input: { unitCode: "522625", period: PERIOD },
    });
    expect(s.incidents).toEqual({ value: 5, lastYear: 2, yoyPct: 150 });
    // percentile_cont: [1,2,3,4,10] → median 3, p90 = 4 + 0.6 × (10 − 4) = 7.6; last year [4,6] → 5.
    expect(s.dispatchMedian).toEqual({ value: 3, lastYear: 5, yoyPct: -40 });
    expect(s.dispatchP90.value).toBe(7.6);
    expect(s.arriveMedian.value).toBe(20);
    expect(s.arriveP90.value).toBe(28);
    // 3 closed, 2 of them with the caller reached.
    expect(s.counts).toEqual({ dispatched: 5, arrived: 3, closed: 3, reached: 2 });
    expect(s.closedWithFeedbackPct.value).toBe(66.67);
    expect(s.byKind).toEqual([
      { key: "congestion", n: 3 },
      { key: "breakdown", n: 2 },
    ]);
    expect(s.bySource).toEqual([
      { key: "call_122", n: 4 },
      { key: "transfer_110", n: 1 },
    ]);
    expect(s.byBrigade.map((b) => [b.code, b.incidents])).toEqual([["522625", 5]]);
  });

  it("equal a direct count over the raw rows, for the city and a squad", async () => {
    for (const [username, unitCode] of [
      ["admin", "522600"],
      ["zy-commander", "522625-01"],
    ] as const) {
      const u = await db.unit.findUniqueOrThrow({ where: { code: unitCode } });
      const s = await incidentStats({ actor: await actorFor(username), input: { unitCode, period: PERIOD } });
      const [raw] = await db.$queryRaw<{ n: bigint; arrived: bigint }[]>`
        SELECT count(*) AS n, count(arrived_at) AS arrived FROM incidents
         WHERE unit_path LIKE ${u.path + "%"}
           AND received_at >= '2020-03-01T00:00:00+08:00' AND received_at < '2020-04-01T00:00:00+08:00'`;
      expect(s.incidents.value).toBe(Number(raw.n));
      expect(s.counts.arrived).toBe(Number(raw.arrived));
    }
  });

  it("are refused to a role without the dashboard and outside the actor's unit", async () => {
    const input = { unitCode: "522625", period: PERIOD };
    await expect(incidentStats({ actor: await actorFor("zy-officer"), input })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const err = await incidentStats({ actor: await actorFor("yj-commander"), input }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("NOT_FOUND");
  });
});
