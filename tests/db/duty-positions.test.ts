import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createBeat } from "@/lib/duty/create-beat";
import { listLastPositions } from "@/lib/duty/list-positions";
import { beatPlanVsActual, dailyCoverage } from "@/lib/duty/plan-vs-actual";
import { maintainPositionPartitions } from "@/lib/duty/position-partitions";
import { reportPosition } from "@/lib/duty/report-position";
import { acknowledgeSos, listSos, raiseSos, resolveSos } from "@/lib/duty/sos";
import { localDate } from "@/lib/time";
import { actorFor } from "../setup/actors";
import { error, ZY } from "../setup/duty-fixtures";
import { townGrid, townPoint } from "../setup/duty-grid";
import { hearLiveEvents, waitFor } from "../setup/live-events";
import type { Actor, SessionUser } from "@/lib/auth/actor";

let officer: SessionUser;
let aux: SessionUser;
let duty: SessionUser;
const events = hearLiveEvents();

beforeAll(async () => {
  [officer, aux, duty] = await Promise.all([actorFor("zy-officer"), actorFor("zy-aux"), actorFor("zy-duty")]);
});

describe("positions", () => {
  it("keeps the track, moves the last position forward only, and notifies open maps on commit", async () => {
    const t = Date.now();
    await reportPosition({
      actor: officer,
      input: { lat: 27.05, lng: 108.42, accuracyM: 8, status: "on_patrol", at: new Date(t - 60_000) },
    });
    await reportPosition({
      actor: officer,
      input: { lat: 27.051, lng: 108.421, status: "handling_incident", at: new Date(t - 10_000) },
    });
    // A late upload of an older fix joins the track without moving the marker back.
    const late = await reportPosition({
      actor: officer,
      input: { lat: 27.0, lng: 108.3, status: "on_patrol", at: new Date(t - 30_000) },
    });
    expect(late.current).toBe(false);
    const last = await db.lastPosition.findUniqueOrThrow({ where: { userId: officer.userId } });
    expect([last.lat, last.status]).toEqual([27.051, "handling_incident"]);
    expect(await db.position.count({ where: { userId: officer.userId } })).toBe(3);
    expect(await waitFor(() => events.filter((e) => e.topic === "duty.position").length >= 2)).toBe(true);
    const ev = events.find((e) => e.topic === "duty.position")!;
    expect(ev.unitPath).toBe("/520000/522600/522625/");
    expect(ev.data).toMatchObject({ userId: officer.userId, name: "潘建华", role: "OFFICER" });
    expect(events.filter((e) => e.topic === "duty.position")).toHaveLength(2);

    const map = await listLastPositions({ actor: duty });
    const me = map.find((p) => p.userId === officer.userId)!;
    expect(me.phone).toBe("13908550004"); // duty officers may see phones
    const mapForAux = await listLastPositions({ actor: aux });
    expect(mapForAux.find((p) => p.userId === officer.userId)!.phone).toBe("139****0004");
    expect(await listLastPositions({ actor: await actorFor("yj-commander") })).toEqual([]);
  });

  it("a person reports only their own position; a device token names someone in its unit", async () => {
    const zyOfficer = await db.user.findUniqueOrThrow({ where: { username: "zy-officer" } });
    expect(
      (
        await error(
          reportPosition({ actor: aux, input: { lat: 27, lng: 108.4, status: "on_patrol", userId: zyOfficer.id } }),
        )
      ).code,
    ).toBe("FORBIDDEN");
    const token: Actor = {
      ...officer,
      kind: "token",
      id: "tok",
      userId: null,
      tokenId: "tok",
      role: "TOKEN",
      name: "PDA",
    };
    expect(
      (await error(reportPosition({ actor: token, input: { lat: 27, lng: 108.4, status: "on_patrol" } }))).fields?.[0]
        .path,
    ).toBe("userId");
    await reportPosition({
      actor: token,
      input: { lat: 27.02, lng: 108.4, status: "on_patrol", userId: zyOfficer.id },
    });
    const yy = await db.user.findUniqueOrThrow({ where: { username: "yy-duty" } });
    expect(
      (
        await error(
          reportPosition({ actor: token, input: { lat: 30.9, lng: 108.7, status: "on_patrol", userId: yy.id } }),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (await error(reportPosition({ actor: duty, input: { lat: 27, lng: 108.4, status: "on_patrol" } }))).code,
    ).toBe("FORBIDDEN");
  });

  it("stores fixes for days without a partition in the default one and moves them when the day is made", async () => {
    const old = new Date(Date.now() - 6 * 86_400_000);
    await reportPosition({ actor: aux, input: { lat: 27.05, lng: 108.42, status: "on_patrol", at: old } });
    const inDefault = async () =>
      (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM positions_default`)[0].n;
    expect(await inDefault()).toBe(1);
    const day = localDate(old);
    await db.$queryRaw`SELECT ensure_position_partitions(${day}::date, 1)`;
    expect(await inDefault()).toBe(0);
    const part = `positions_${day.replaceAll("-", "")}`;
    expect((await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${part}`))[0].n).toBe(1);
    // Retention of 3 days drops that partition (and its rows).
    const [r] = await db.$queryRaw<{ d: number }[]>`SELECT drop_position_partitions(3) AS d`;
    expect(r.d).toBeGreaterThanOrEqual(1);
    expect(
      await db.position.count({
        where: { userId: aux.userId!, occurredAt: { lt: new Date(Date.now() - 5 * 86_400_000) } },
      }),
    ).toBe(0);
    await maintainPositionPartitions();
  });
});

describe("SOS", () => {
  it("raises once per incident, lists the nearest on-duty people, and is acknowledged and resolved with audit", async () => {
    events.length = 0;
    // The officer is on duty ~110 m away (reported above); the auxiliary raises the alarm.
    await reportPosition({ actor: officer, input: { lat: 27.051, lng: 108.421, status: "on_patrol" } });
    const sos = await raiseSos({ actor: aux, input: { lat: 27.05, lng: 108.421, accuracyM: 5, message: "被围堵" } });
    expect(sos).toMatchObject({ status: "open", name: "邰小军", existing: false });
    expect(sos.nearest[0]).toMatchObject({ userId: officer.userId, distanceM: 111 });
    expect(await waitFor(() => events.some((e) => e.topic === "duty.sos"))).toBe(true);
    // The alarm's event and answer are made from what the request read (no query before the
    // commit): the same as the stored alert read back.
    const { existing: _existing, nearest: _nearest, ...answer } = sos;
    expect(events.find((e) => e.topic === "duty.sos")!.data).toEqual(answer);
    expect((await listSos({ actor: duty })).find((s) => s.id === sos.id)).toEqual(answer);
    const again = await raiseSos({ actor: aux, input: { lat: 27.05, lng: 108.421 } });
    expect([again.id, again.existing]).toEqual([sos.id, true]);
    expect((await db.lastPosition.findUniqueOrThrow({ where: { userId: aux.userId! } })).status).toBe("sos");

    // Wrong role, and the right role in another brigade, are refused.
    expect((await error(acknowledgeSos({ actor: officer, input: { id: sos.id } }))).code).toBe("FORBIDDEN");
    expect((await error(acknowledgeSos({ actor: await actorFor("yy-duty"), input: { id: sos.id } }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await listSos({ actor: await actorFor("yy-duty") })).toEqual([]);

    const ack = await acknowledgeSos({ actor: duty, input: { id: sos.id } });
    expect(ack).toMatchObject({ status: "acknowledged", acknowledgedBy: "杨明" });
    const done = await resolveSos({ actor: duty, input: { id: sos.id, note: "已到场处置" } });
    expect(done.status).toBe("resolved");
    const audit = await db.auditLog.findMany({
      where: { entity: "sos_alert", entityId: sos.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["sos.raise", "sos.acknowledge", "sos.resolve"]);
    expect((await listSos({ actor: duty })).find((s) => s.id === sos.id)).toBeUndefined();
  });

  it("a position report with status sos raises an alert too", async () => {
    const r = await reportPosition({ actor: officer, input: { lat: 27.05, lng: 108.42, status: "sos" } });
    expect(r.sosId).toBeTruthy();
    expect((await listSos({ actor: duty })).map((s) => s.id)).toContain(r.sosId);
  });
});

describe("plan vs actual", () => {
  it("detects the lead officer's arrival at must-reach points and the share of the shift inside the grid", async () => {
    const grid = await townGrid({ actor: duty, name: "核查网格" });
    const p1 = await townPoint({ actor: duty, gridId: grid.grid.id, name: "东关路口", offset: 0.002 });
    const p2 = await townPoint({ actor: duty, gridId: grid.grid.id, name: "学校门口", offset: 0.008 });
    const [lead] = await db.user.findMany({ where: { username: "zy-officer" } });
    const start = new Date(Date.now() - 2 * 3600_000);
    const end = new Date(start.getTime() + 3600_000);
    const { beat } = await createBeat({
      actor: duty,
      input: {
        gridId: grid.grid.id,
        startsAt: start,
        endsAt: end,
        shiftKind: "custom",
        leadUserId: lead.id,
        auxiliaryUserIds: [],
        mustReachPointIds: [p1.id, p2.id],
        mustCorrectTypes: [],
        notes: null,
      },
    });
    // 20 minutes at p1 (fixes every minute), 1 minute near p2, the rest outside the grid.
    const fixes: [number, number, number][] = [];
    for (let m = 0; m < 20; m++) fixes.push([m, p1.lat + 0.0001, p1.lng]);
    fixes.push([25, p2.lat, p2.lng]);
    for (let m = 26; m < 60; m += 2) fixes.push([m, ZY.lat - 0.01, ZY.lng - 0.01]);
    for (const [m, lat, lng] of fixes) {
      await reportPosition({
        actor: officer,
        input: { lat, lng, status: "on_patrol", at: new Date(start.getTime() + m * 60_000) },
      });
    }
    const r = await beatPlanVsActual({ actor: duty, beatId: beat.id });
    expect(r.actual!.points.find((p) => p.pointId === p1.id)).toMatchObject({
      reached: true,
      arrivedAt: start.getTime(),
    });
    expect(r.actual!.points.find((p) => p.pointId === p2.id)).toMatchObject({ reached: false });
    // inside: minutes 0–20 (the last fix at 19 counts until the next at 25 → capped by 5 min gap = 24), + p2 fix 25→26
    expect(r.actual!.insideShare).toBeCloseTo(25 / 60, 2);
    const cov = await dailyCoverage({ actor: duty, input: { unitCode: "522625", day: localDate(start) } });
    const urban = cov.squads.find((s) => s.unit.code === "522625-01")!;
    expect(urban).toMatchObject({ beats: 1, pointsPlanned: 2, pointsReached: 1, gridsCovered: 1 });
    expect((await error(beatPlanVsActual({ actor: await actorFor("yj-commander"), beatId: beat.id }))).code).toBe(
      "NOT_FOUND",
    );
  });
});
