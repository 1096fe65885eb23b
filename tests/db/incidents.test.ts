/**
 * Incidents and dispatch (接处警): intake, placement in the record chain, responder
 * proposals, the database-enforced single dispatch, the timeline, overdue flags, the caller's
 * phone, automatic arrival and unit scope (role × action × foreign unit).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/actor";
import { userActor } from "@/lib/auth/actor";
import { createBeat } from "@/lib/duty/create-beat";
import { reportPosition, reportPositions } from "@/lib/duty/report-position";
import { createGridSchema } from "@/lib/duty/schemas";
import { createGrid } from "@/lib/duty/write-grids";
import { AppError } from "@/lib/errors";
import { createIncident } from "@/lib/incidents/create-incident";
import { dispatchIncident } from "@/lib/incidents/dispatch-incident";
import {
  acceptIncident,
  arriveIncident,
  cancelIncident,
  closeIncident,
  handleIncident,
} from "@/lib/incidents/incident-steps";
import { getIncident, listIncidents, listMyIncidents } from "@/lib/incidents/read-incidents";
import { proposeResponders } from "@/lib/incidents/responders";
import { revealCallerPhone } from "@/lib/incidents/reveal-caller";
import { closeSchema, createIncidentSchema, dispatchSchema, listIncidentsSchema } from "@/lib/incidents/schemas";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/incidents/route";
import { POST as dispatchRoute } from "@/app/api/v1/incidents/[id]/dispatch/route";
import { GET as respondersRoute } from "@/app/api/v1/incidents/[id]/responders/route";
import { actorFor } from "../setup/actors";
import { call } from "../setup/api";
import { makePeople, square, ZY } from "../setup/duty-fixtures";
import { codeOf, makeToken } from "../setup/records";

let duty: SessionUser;
let duty2: SessionUser;
let gridId: string;
let officers: { id: string; displayName: string }[];
let auxes: { id: string; displayName: string }[];
let yjOfficers: { id: string; displayName: string }[];
let beatId: string;
const INSIDE = { lat: ZY.lat + 0.005, lng: ZY.lng + 0.005 };

async function actorById(id: string): Promise<SessionUser> {
  const u = await db.user.findUniqueOrThrow({
    where: { id },
    include: { unit: { select: { id: true, code: true, path: true, nameZh: true, nameEn: true, kind: true } } },
  });
  return userActor(u, { ip: "127.0.0.1", requestId: `test-${u.username}` });
}

async function fix(userId: string, lat: number, lng: number, status = "on_patrol", ageS = 30) {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { unit: true } });
  const brigade = await db.unit.findUniqueOrThrow({ where: { code: u.unit.path.split("/").filter(Boolean)[2] } });
  await db.$executeRaw`
    INSERT INTO last_positions (user_id, unit_id, unit_path, brigade_id, occurred_at, lat, lng, status, updated_at)
    VALUES (${userId}::uuid, ${u.unitId}::uuid, ${u.unit.path}, ${brigade.id}::uuid, now() - make_interval(secs => ${ageS}), ${lat}, ${lng}, ${status}, now())
    ON CONFLICT (user_id) DO UPDATE SET lat = EXCLUDED.lat, lng = EXCLUDED.lng, status = EXCLUDED.status, occurred_at = EXCLUDED.occurred_at`;
}

const call122 = (over: Record<string, unknown> = {}) =>
  createIncidentSchema.parse({
    source: "call_122",
    kind: "accident_property",
    priority: 2,
    ...INSIDE,
    address: "舞阳大道与中华路口",
    description: "两车追尾，无人受伤",
    callerName: "王先生",
    callerPhone: "13908551234",
    ...over,
  });

beforeAll(async () => {
  duty = await actorFor("zy-duty");
  // A second duty officer of the same brigade, for the concurrent dispatch.
  const unit = await db.unit.findUniqueOrThrow({ where: { code: "522625" } });
  await db.user.create({
    data: { username: "zy-duty-2", displayName: "吴值班", role: "DUTY_OFFICER", unitId: unit.id, passwordHash: "x" },
  });
  duty2 = await actorFor("zy-duty-2");
  gridId = (
    await createGrid({
      actor: duty,
      input: createGridSchema.parse({
        unitCode: "522625-01",
        name: "接处警测试网格",
        kind: "urban",
        geometry: square(ZY.lng, ZY.lat, 0.01),
        difficulty: 3,
      }),
    })
  ).grid.id;
  officers = await makePeople(4, "OFFICER", "522625-01");
  auxes = await makePeople(2, "AUXILIARY", "522625-01");
  yjOfficers = await makePeople(2, "OFFICER", "520626");
  // officers[0] and auxes[0] are on the grid's beat now.
  beatId = (
    await createBeat({
      actor: duty,
      input: {
        gridId,
        startsAt: new Date(Date.now() - 3600_000),
        endsAt: new Date(Date.now() + 3 * 3600_000),
        shiftKind: "custom",
        leadUserId: officers[0].id,
        auxiliaryUserIds: [auxes[0].id],
        mustReachPointIds: [],
        mustCorrectTypes: [],
        notes: null,
      },
    })
  ).beat.id;
});

describe("intake (接警)", () => {
  it("logs a call with its grid, the beat on duty there and the person who took it; audited", async () => {
    const { record, replayed } = await createIncident({ actor: duty, input: call122() });
    expect(replayed).toBe(false);
    expect(record).toMatchObject({ status: "received", gridId, beatId, recordedById: duty.userId, priority: 2 });
    const brigade = await db.unit.findUniqueOrThrow({ where: { code: "522625" } });
    expect(record.brigadeId).toBe(brigade.id);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "incident", entityId: record.id } });
    expect(audit.action).toBe("incident.create");
    // The audit log keeps the caller's phone masked.
    expect(JSON.stringify(audit.after)).not.toContain("13908551234");
  });

  it("API: 201, a replay by externalRef is 200 with the same id, other content 409; bad input 422 writes nothing", async () => {
    const token = await makeToken("522625", ["incident.create", "incident.view"], "122 接警系统");
    const body = { source: "call_122", kind: "congestion", ...INSIDE, externalRef: "122-20260101-0001" };
    const a = await call(createRoute, { token, body });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: "received", gridId, beatId, kind: "congestion" });
    const b = await call(createRoute, { token, body });
    expect(b.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    const c = await call(createRoute, { token, body: { ...body, kind: "obstruction" } });
    expect(c.status).toBe(409);
    expect(c.body.error.details.id).toBe(a.body.id);
    const before = await db.incident.count();
    for (const bad of [
      { ...body, externalRef: "x1", kind: "fire" },
      { ...body, externalRef: "x2", priority: 0 },
      { ...body, externalRef: "x3", lat: undefined, lng: undefined },
      { ...body, externalRef: "x4", lat: 200 },
      { ...body, externalRef: "x5", callerPhone: "call me" },
      { ...body, externalRef: "x6", receivedAt: "2999-01-01T00:00:00+08:00" },
    ]) {
      const r = await call(createRoute, { token, body: bad });
      expect(r.status, JSON.stringify(bad)).toBe(422);
      expect(r.body.error.fields.length).toBeGreaterThan(0);
    }
    expect(await db.incident.count()).toBe(before);
    // A token without incident.create is refused.
    const viewer = await makeToken("522625", ["incident.view"]);
    expect((await call(createRoute, { token: viewer, body: { ...body, externalRef: "x9" } })).status).toBe(403);
  });

  it("lists mask the caller's phone; the full number needs incident.caller and each view is audited", async () => {
    const { record } = await createIncident({ actor: duty, input: call122({ callerPhone: "13800001111" }) });
    const page = await listIncidents({ actor: duty, input: listIncidentsSchema.parse({ open: "true" }) });
    const item = page.items.find((i) => i.id === record.id)!;
    expect(item.callerPhoneMasked).toBe("138****1111");
    expect(JSON.stringify(page)).not.toContain("13800001111");
    const revealed = await revealCallerPhone({ actor: duty, input: { id: record.id } });
    expect(revealed.callerPhone).toBe("13800001111");
    expect(
      await db.auditLog.count({
        where: { action: "incident.reveal_caller", entityId: record.id, actorUserId: duty.userId },
      }),
    ).toBe(1);
    const officer = await actorFor("zy-officer");
    expect(await codeOf(revealCallerPhone({ actor: officer, input: { id: record.id } }))).toBe("FORBIDDEN");
    expect(await codeOf(revealCallerPhone({ actor: await actorFor("yj-commander"), input: { id: record.id } }))).toBe(
      "NOT_FOUND",
    );
  });
});

describe("responders and dispatch (派警)", () => {
  it("proposes the grid's beat first, then the nearest; never off duty, busy, or of another brigade", async () => {
    const { record } = await createIncident({ actor: duty, input: call122() });
    await fix(officers[0].id, INSIDE.lat + 0.02, INSIDE.lng, "on_patrol", 500); // on the beat, far, older fix
    await fix(officers[1].id, INSIDE.lat + 0.001, INSIDE.lng, "on_patrol"); // nearest, not on the beat
    await fix(officers[2].id, INSIDE.lat + 0.003, INSIDE.lng, "on_patrol");
    await fix(officers[3].id, INSIDE.lat, INSIDE.lng, "off_duty"); // right there, but off duty
    await fix(yjOfficers[0].id, INSIDE.lat, INSIDE.lng + 0.0001, "on_patrol"); // Yinjiang, close by
    const list = await proposeResponders({ actor: duty, input: { id: record.id } });
    const ids = list.map((r) => r.userId);
    expect(ids.slice(0, 2).sort()).toEqual([officers[0].id, auxes[0].id].sort()); // the beat first
    expect(list[0]).toMatchObject({ onBeat: true });
    const o0 = list.find((r) => r.userId === officers[0].id)!;
    expect(o0.distanceM).toBeGreaterThan(2000);
    expect(o0.fixAgeS).toBeGreaterThanOrEqual(500);
    expect(list.find((r) => r.userId === auxes[0].id)).toMatchObject({ distanceM: null, fixAgeS: null, status: null });
    expect(ids.indexOf(officers[1].id)).toBeLessThan(ids.indexOf(officers[2].id));
    expect(ids).not.toContain(officers[3].id);
    expect(ids).not.toContain(yjOfficers[0].id);

    // officers[1] goes to another incident: busy, no longer proposed.
    const other = await createIncident({ actor: duty, input: call122({ kind: "breakdown" }) });
    await dispatchIncident({
      actor: duty,
      input: dispatchSchema.parse({ id: other.record.id, userIds: [officers[1].id] }),
    });
    const again = (await proposeResponders({ actor: duty, input: { id: record.id } })).map((r) => r.userId);
    expect(again).not.toContain(officers[1].id);
    await cancelIncident({ actor: duty, input: { id: other.record.id, reason: "测试" } });
    const free = (await proposeResponders({ actor: duty, input: { id: record.id } })).map((r) => r.userId);
    expect(free).toContain(officers[1].id);

    // The API answers the same, best first.
    const token = await makeToken("522625", ["incident.dispatch", "incident.view"]);
    const r = await call(respondersRoute, { token, params: { id: record.id } });
    expect(r.status).toBe(200);
    expect(r.body.items[0]).toEqual(expect.objectContaining({ onBeat: true, role: expect.any(String) }));
  });

  it("20 concurrent dispatches: exactly one wins, 19 get a 409 naming who dispatched whom (database-enforced)", async () => {
    const { record } = await createIncident({ actor: duty, input: call122() });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dispatchIncident({
          actor: i % 2 ? duty2 : duty,
          input: dispatchSchema.parse({ id: record.id, userIds: [i % 2 ? officers[2].id : officers[0].id] }),
        }).then(
          () => ({ ok: true as const }),
          (e) => ({ ok: false as const, e }),
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const losers = results.filter((r) => !r.ok).map((r) => (r as { e: unknown }).e);
    expect(losers).toHaveLength(19);
    const standing = await db.incidentDispatch.findFirstOrThrow({ where: { incidentId: record.id, endedAt: null } });
    const by = standing.dispatchedById === duty.userId ? "杨明" : "吴值班";
    const to = standing.userIds[0] === officers[0].id ? officers[0].displayName : officers[2].displayName;
    for (const e of losers) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe("CONFLICT");
      expect((e as AppError).details).toMatchObject({ by, to, dispatchId: standing.id });
    }
    expect(await db.incidentDispatch.count({ where: { incidentId: record.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { entityId: record.id, action: "incident.dispatch" } })).toBe(1);

    // Over HTTP: 409 with the names; an explicit re-dispatch (replace) goes through.
    const token = await makeToken("522625", ["incident.dispatch", "incident.view"]);
    const again = await call(dispatchRoute, { token, params: { id: record.id }, body: { userIds: [officers[1].id] } });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(by);
    expect(again.body.error.message).toContain(to);
    const replaced = await call(dispatchRoute, {
      token,
      params: { id: record.id },
      body: { userIds: [officers[1].id], replace: true },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.dispatch.userIds).toEqual([officers[1].id]);
    const rows = await db.incidentDispatch.findMany({
      where: { incidentId: record.id },
      orderBy: { dispatchedAt: "asc" },
    });
    expect(rows.map((d) => d.endReason)).toEqual(["replaced", null]);
  });

  it("20 concurrent re-dispatches (replace) also leave exactly one standing", async () => {
    const { record } = await createIncident({ actor: duty, input: call122() });
    await dispatchIncident({ actor: duty, input: dispatchSchema.parse({ id: record.id, userIds: [officers[2].id] }) });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        dispatchIncident({
          actor: i % 2 ? duty2 : duty,
          input: dispatchSchema.parse({ id: record.id, userIds: [officers[i % 3].id], replace: true }),
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThanOrEqual(1);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as AppError).code, String(r.reason)).toBe("CONFLICT");
    expect(await db.incidentDispatch.count({ where: { incidentId: record.id, endedAt: null } })).toBe(1);
  });

  it("refuses to send someone who cannot respond or belongs to another brigade (422, nothing written)", async () => {
    const { record } = await createIncident({ actor: duty, input: call122() });
    const clerk = await db.user.findUniqueOrThrow({ where: { username: "zy-clerk" } });
    for (const userIds of [[yjOfficers[0].id], [clerk.id], [officers[0].id, "00000000-0000-7000-8000-000000000000"]]) {
      const e = await codeOf(
        dispatchIncident({ actor: duty, input: dispatchSchema.parse({ id: record.id, userIds }) }),
      );
      expect(e).toBe("INVALID");
    }
    expect(await db.incidentDispatch.count({ where: { incidentId: record.id } })).toBe(0);
  });
});

describe("the timeline", () => {
  it("received → dispatched → accepted → on scene → handled → closed with feedback, each step timed and audited", async () => {
    const { record } = await createIncident({ actor: duty, input: call122() });
    await dispatchIncident({ actor: duty, input: dispatchSchema.parse({ id: record.id, userIds: [officers[2].id] }) });
    const responder = await actorById(officers[2].id);
    const someoneElse = await actorById(officers[3].id);
    // Only the dispatched responder (or the desk) takes the steps; others do not even see it.
    expect(await codeOf(acceptIncident({ actor: someoneElse, input: { id: record.id } }))).toBe("NOT_FOUND");
    expect((await listMyIncidents({ actor: responder })).map((i) => i.id)).toContain(record.id);
    expect((await listMyIncidents({ actor: someoneElse })).map((i) => i.id)).not.toContain(record.id);

    await acceptIncident({ actor: responder, input: { id: record.id } });
    await acceptIncident({ actor: responder, input: { id: record.id } }); // a double tap changes nothing
    // Handling before arriving is refused with a clear conflict.
    expect(await codeOf(handleIncident({ actor: responder, input: { id: record.id } }))).toBe("CONFLICT");
    await arriveIncident({ actor: responder, input: { id: record.id } });
    await handleIncident({ actor: responder, input: { id: record.id } });
    // Closing is the desk's: the responder may not.
    const close = closeSchema.parse({
      id: record.id,
      outcome: "双方自行协商，已撤离现场",
      feedback: { reached: true, satisfied: true },
    });
    expect(await codeOf(closeIncident({ actor: responder, input: close }))).toBe("FORBIDDEN");
    await closeIncident({ actor: duty, input: close });

    const detail = await getIncident({ actor: duty, input: { id: record.id } });
    expect(detail.status).toBe("closed");
    expect(detail.feedback).toEqual({ reached: true, satisfied: true });
    expect(detail.timeline.map((s) => s.step)).toEqual([
      "received",
      "dispatched",
      "accepted",
      "on_scene",
      "handled",
      "closed",
    ]);
    expect(detail.timeline.find((s) => s.step === "dispatched")!.to![0].name).toBe(officers[2].displayName);
    expect(detail.timeline.find((s) => s.step === "accepted")!.by!.id).toBe(officers[2].id);
    const audit = await db.auditLog.findMany({
      where: { entity: "incident", entityId: record.id },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "incident.create",
      "incident.dispatch",
      "incident.accept",
      "incident.arrive",
      "incident.handle",
      "incident.close",
    ]);
    // Closing ends the dispatch: the responder is free again.
    expect(await db.incidentDispatch.count({ where: { incidentId: record.id, endedAt: null } })).toBe(0);
    expect((await listMyIncidents({ actor: responder })).map((i) => i.id)).not.toContain(record.id);
  });

  it("feedback: 'satisfied' needs the caller reached; a reason is required to cancel", async () => {
    expect(
      closeSchema.safeParse({ id: crypto.randomUUID(), outcome: "x", feedback: { reached: false, satisfied: true } })
        .success,
    ).toBe(false);
    expect(closeSchema.safeParse({ id: crypto.randomUUID(), outcome: "x", feedback: {} }).success).toBe(false);
    const { record } = await createIncident({ actor: duty, input: call122() });
    // Closed straight from received (handled remotely), caller not reached.
    await closeIncident({
      actor: duty,
      input: closeSchema.parse({ id: record.id, outcome: "电话指导处理", feedback: { reached: false } }),
    });
    const row = await db.incident.findUniqueOrThrow({ where: { id: record.id } });
    expect(row).toMatchObject({ status: "closed", feedbackReached: false, feedbackSatisfied: null });
  });

  it("a dispatch not accepted in time is flagged when read (no job needed)", async () => {
    const { record } = await createIncident({ actor: duty, input: call122() });
    await dispatchIncident({ actor: duty, input: dispatchSchema.parse({ id: record.id, userIds: [officers[3].id] }) });
    const fresh = (await listIncidents({ actor: duty, input: listIncidentsSchema.parse({ open: "1" }) })).items.find(
      (i) => i.id === record.id,
    )!;
    expect(fresh.overdue).toEqual({ notAccepted: false, notOnScene: false });
    await db.$executeRaw`UPDATE incident_dispatches SET dispatched_at = now() - interval '25 minutes' WHERE incident_id = ${record.id}::uuid`;
    const late = (await listIncidents({ actor: duty, input: listIncidentsSchema.parse({ open: "1" }) })).items.find(
      (i) => i.id === record.id,
    )!;
    expect(late.overdue).toEqual({ notAccepted: true, notOnScene: true });
  });

  it("a responder's fix within 200 m marks them on scene by itself (audited as automatic); 500 m does not", async () => {
    const { record } = await createIncident({ actor: duty, input: call122() });
    await dispatchIncident({ actor: duty, input: dispatchSchema.parse({ id: record.id, userIds: [auxes[1].id] }) });
    const aux = await actorById(auxes[1].id);
    await reportPosition({ actor: aux, input: { lat: INSIDE.lat + 0.0045, lng: INSIDE.lng, status: "on_patrol" } });
    expect((await db.incident.findUniqueOrThrow({ where: { id: record.id } })).status).toBe("dispatched");
    await reportPosition({ actor: aux, input: { lat: INSIDE.lat + 0.001, lng: INSIDE.lng, status: "on_patrol" } });
    const row = await db.incident.findUniqueOrThrow({ where: { id: record.id } });
    expect(row).toMatchObject({ status: "on_scene", arrivedAuto: true, arrivedById: auxes[1].id });
    expect(row.acceptedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: record.id, action: "incident.arrive" } });
    expect(audit.after).toMatchObject({ auto: true });
  });
});

describe("on scene from the phone's queued track", () => {
  it("a batch of fixes (the field app) does it too, by its newest fix; an older fix near the scene does not", async () => {
    const far = { lat: INSIDE.lat + 0.0045, lng: INSIDE.lng, status: "on_patrol" };
    const near = { lat: INSIDE.lat + 0.001, lng: INSIDE.lng, status: "on_patrol" };
    const at = (ageS: number) => new Date(Date.now() - ageS * 1000).toISOString();
    const { record } = await createIncident({ actor: duty, input: call122() });
    await dispatchIncident({ actor: duty, input: dispatchSchema.parse({ id: record.id, userIds: [officers[3].id] }) });
    const me = await actorById(officers[3].id);
    await reportPositions({
      actor: me,
      input: {
        fixes: [
          { ...near, at: at(60) },
          { ...far, at: at(30) },
        ],
      },
    });
    expect((await db.incident.findUniqueOrThrow({ where: { id: record.id } })).status).toBe("dispatched");
    await reportPositions({
      actor: me,
      input: {
        fixes: [
          { ...far, at: at(20) },
          { ...near, at: at(10) },
        ],
      },
    });
    expect(await db.incident.findUniqueOrThrow({ where: { id: record.id } })).toMatchObject({
      status: "on_scene",
      arrivedAuto: true,
      arrivedById: officers[3].id,
    });
  });
});

describe("unit scope: a Yinjiang user cannot see, dispatch or be proposed for a Zhenyuan incident", () => {
  it("role × action × foreign unit", async () => {
    const { record } = await createIncident({ actor: duty, input: call122() });
    const id = record.id;
    const dispatch = dispatchSchema.parse({ id, userIds: [officers[0].id] });
    const yj = await actorFor("yj-commander");
    const yjOfficer = await actorById(yjOfficers[1].id);
    const clerk = await actorFor("zy-clerk");
    const legal = await actorFor("zy-legal");
    const officer = await actorFor("zy-officer");
    const cases: [string, SessionUser, () => Promise<unknown>, string][] = [
      ["yj commander sees", yj, () => getIncident({ actor: yj, input: { id } }), "NOT_FOUND"],
      ["yj commander dispatches", yj, () => dispatchIncident({ actor: yj, input: dispatch }), "NOT_FOUND"],
      ["yj commander proposes", yj, () => proposeResponders({ actor: yj, input: { id } }), "NOT_FOUND"],
      ["yj commander cancels", yj, () => cancelIncident({ actor: yj, input: { id, reason: "x" } }), "NOT_FOUND"],
      ["yj officer accepts", yjOfficer, () => acceptIncident({ actor: yjOfficer, input: { id } }), "NOT_FOUND"],
      ["clerk sees", clerk, () => getIncident({ actor: clerk, input: { id } }), "FORBIDDEN"],
      ["clerk logs a call", clerk, () => createIncident({ actor: clerk, input: call122() }), "FORBIDDEN"],
      ["legal dispatches", legal, () => dispatchIncident({ actor: legal, input: dispatch }), "FORBIDDEN"],
      ["officer dispatches", officer, () => dispatchIncident({ actor: officer, input: dispatch }), "FORBIDDEN"],
      ["officer proposes", officer, () => proposeResponders({ actor: officer, input: { id } }), "FORBIDDEN"],
      ["officer not sent sees", officer, () => getIncident({ actor: officer, input: { id } }), "NOT_FOUND"],
    ];
    for (const [what, , run, expected] of cases) expect(await codeOf(run()), what).toBe(expected);
    // A Yinjiang list never shows it; a Yinjiang token cannot post into Zhenyuan.
    const yjList = await listIncidents({ actor: yj, input: listIncidentsSchema.parse({}) });
    expect(yjList.items.map((i) => i.id)).not.toContain(id);
    const yjToken = await makeToken("520626", ["incident.create", "incident.view"]);
    const r = await call(createRoute, {
      token: yjToken,
      body: { source: "system", kind: "other", ...INSIDE, unitCode: "522625" },
    });
    expect(r.status).toBe(404);
    const l = await call(listRoute, { token: yjToken, path: "/api/v1/incidents?unit=522625" });
    expect(l.status).toBe(404);
    // Nothing of the above changed the incident.
    expect((await db.incident.findUniqueOrThrow({ where: { id } })).status).toBe("received");
  });
});
