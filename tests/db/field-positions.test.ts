/**
 * The field app's uploads: a queued track as one batch of fixes (each checked on its own,
 * replays store nothing twice) and an SOS retried with its Idempotency-Key.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postPositions } from "@/app/api/v1/positions/route";
import { db } from "@/lib/db";
import { checkIn } from "@/lib/duty/check-in";
import { createBeat } from "@/lib/duty/create-beat";
import { beatPlanVsActual } from "@/lib/duty/plan-vs-actual";
import { reportPositions } from "@/lib/duty/report-position";
import { raiseSos, resolveSos } from "@/lib/duty/sos";
import type { SessionUser } from "@/lib/auth/actor";
import { actorFor } from "../setup/actors";
import { call } from "../setup/api";
import { error } from "../setup/duty-fixtures";
import { townGrid, townPoint } from "../setup/duty-grid";
import { makeToken } from "../setup/records";

let officer: SessionUser;
let aux: SessionUser;
let device: string;

beforeAll(async () => {
  [officer, aux] = await Promise.all([actorFor("zy-officer"), actorFor("zy-aux")]);
  device = await makeToken("522625", ["position.report"], "field PDA");
});

const track = (n: number, t0: number, stepS = 30) =>
  Array.from({ length: n }, (_, i) => ({
    lat: 27.04 + i * 0.0005,
    lng: 108.41,
    accuracyM: 6,
    status: "on_patrol",
    at: new Date(t0 + i * stepS * 1000).toISOString(),
  }));

describe("POST /api/v1/positions with a batch", () => {
  it("stores the good fixes in time order, reports the bad ones by index, and a replay stores nothing", async () => {
    const t0 = Date.now() - 20 * 60_000;
    const fixes: unknown[] = track(20, t0);
    fixes.splice(3, 0, { lat: 95, lng: 108.41, status: "on_patrol", at: new Date(t0).toISOString() });
    fixes.splice(7, 0, { lat: 27.04, lng: 108.41, status: "asleep", at: new Date(t0).toISOString() });
    fixes.splice(9, 0, { lat: 27.04, lng: 108.41, status: "on_patrol" }); // no time of its own
    const first = await reportPositions({ actor: officer, input: { fixes } });
    expect(first.stored).toBe(20);
    expect(first.rejected.map((r) => [r.index, r.fields[0].path, r.fields[0].key])).toEqual([
      [3, "lat", "validation.latitude"],
      [7, "status", "validation.invalid"],
      [9, "at", "validation.invalid"],
    ]);
    expect(first.rejected[0].fields[0].message).not.toMatch(/^validation\./); // English for machines
    expect(first.current).toBe(true);

    const again = await reportPositions({ actor: officer, input: { fixes } });
    expect(again.stored).toBe(0);
    const rows = await db.position.findMany({
      where: { userId: officer.userId, occurredAt: { gte: new Date(t0) } },
      orderBy: { occurredAt: "asc" },
    });
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.occurredAt.toISOString())).toEqual(track(20, t0).map((f) => f.at));
    const last = await db.lastPosition.findUniqueOrThrow({ where: { userId: officer.userId } });
    expect(last.occurredAt.toISOString()).toBe(track(20, t0)[19].at);
  });

  it("through the route: ≤ 500 fixes, the single form still works, a device names its person", async () => {
    const person = await db.user.findUniqueOrThrow({ where: { username: "zy-aux" } });
    const t0 = Date.now() - 60 * 60_000;
    const tooMany = await call(postPositions, { token: device, body: { userId: person.id, fixes: track(501, t0, 1) } });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.fields[0]).toMatchObject({ path: "fixes", key: "duty.validation.tooManyFixes" });
    const ok = await call(postPositions, { token: device, body: { userId: person.id, fixes: track(500, t0, 1) } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ received: 500, stored: 500, rejected: [] });
    const single = await call(postPositions, {
      token: device,
      body: { userId: person.id, lat: 27.05, lng: 108.42, status: "on_patrol" },
    });
    expect(single.status).toBe(201);
    expect(single.body).toMatchObject({ userId: person.id, current: true });
    const none = await call(postPositions, { token: device, body: { userId: person.id, fixes: [{ lat: 1 }] } });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ stored: 0, rejected: [{ index: 0 }] });
    expect(await db.position.count({ where: { userId: person.id } })).toBe(501);
    expect((await call(postPositions, { token: device, body: { fixes: track(1, t0) } })).status).toBe(422);
  });

  it("an sos fix in a batch raises the alarm once", async () => {
    const fixes = track(3, Date.now() - 60_000, 10);
    fixes[2].status = "sos";
    const r = await reportPositions({ actor: aux, input: { fixes } });
    expect(r.sosId).toBeTruthy();
    const r2 = await reportPositions({ actor: aux, input: { fixes } });
    expect(r2.sosId).toBe(r.sosId);
    expect(await db.sosAlert.count({ where: { userId: aux.userId } })).toBe(1);
    await resolveSos({ actor: await actorFor("zy-duty"), input: { id: r.sosId! } });
  });
});

describe("SOS retried from the field", () => {
  it("the same Idempotency-Key returns the same alarm, also after it was resolved", async () => {
    const input = { lat: 27.05, lng: 108.42, accuracyM: 5, at: new Date(Date.now() - 30_000) };
    const key = "sos-" + crypto.randomUUID();
    const a = await raiseSos({ actor: officer, input, idempotencyKey: key });
    expect(a.existing).toBe(false);
    const b = await raiseSos({ actor: officer, input, idempotencyKey: key });
    expect([b.id, b.existing]).toEqual([a.id, true]);
    await resolveSos({ actor: await actorFor("zy-duty"), input: { id: a.id, note: "ok" } });
    const c = await raiseSos({ actor: officer, input, idempotencyKey: key });
    expect([c.id, c.status]).toEqual([a.id, "resolved"]);
    expect(await db.sosAlert.count({ where: { userId: officer.userId } })).toBe(1);
  });
});

describe("check-ins at must-reach points", () => {
  it("counts a member's check-in within the radius during the beat in plan vs actual, once; refuses the rest", async () => {
    const duty = await actorFor("zy-duty");
    const grid = await townGrid({ actor: duty, name: "签到网格" });
    const point = await townPoint({ actor: duty, gridId: grid.grid.id, name: "集市", offset: 0.002 });
    const start = new Date(Date.now() - 3600_000);
    const { beat } = await createBeat({
      actor: duty,
      input: {
        gridId: grid.grid.id,
        startsAt: start,
        endsAt: new Date(start.getTime() + 2 * 3600_000),
        shiftKind: "custom",
        leadUserId: officer.userId,
        auxiliaryUserIds: [aux.userId],
        mustReachPointIds: [point.id],
        mustCorrectTypes: [],
        notes: null,
      },
    });
    const at = new Date(start.getTime() + 10 * 60_000);
    const input = {
      beatId: beat.id,
      pointId: point.id,
      lat: point.lat,
      lng: point.lng + 0.0003,
      accuracyM: 8,
      at,
      method: "auto" as const,
    };
    const far = await error(checkIn({ actor: aux, input: { ...input, lat: point.lat + 0.01 } }));
    expect(far.fields?.[0]).toEqual({ path: "lat", message: "duty.checkIn.tooFar" });
    const early = await error(checkIn({ actor: aux, input: { ...input, at: new Date(start.getTime() - 60_000) } }));
    expect(early.fields?.[0].message).toBe("duty.checkIn.outsideShift");
    expect((await error(checkIn({ actor: await actorFor("yj-commander"), input }))).code).toBe("FORBIDDEN");
    const a = await checkIn({ actor: aux, input });
    const b = await checkIn({ actor: aux, input: { ...input, method: "tap" } });
    expect([a.replayed, b.replayed, b.checkIn.id]).toEqual([false, true, a.checkIn.id]);
    const { actual } = await beatPlanVsActual({ actor: duty, beatId: beat.id });
    expect(actual!.points[0]).toMatchObject({ reached: true, arrivedAt: at.getTime(), checkedInAt: at.getTime() });
  });
});
