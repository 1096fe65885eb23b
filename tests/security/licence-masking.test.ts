/**
 * Issue 13, finding 2: a driving-licence number is its holder's ID number. Violation lists
 * and records, CSV exports, key-driver records and window transaction JSON give it only
 * masked, like driverIdNumberMasked — to officers, auxiliaries and tokens alike; the full
 * number only through the audited reveal. Audit rows keep it masked too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getViolationRoute } from "@/app/api/v1/violations/[id]/route";
import { GET as listViolationsRoute, POST as postViolation } from "@/app/api/v1/violations/route";
import { GET as getDriver } from "@/app/api/v1/key-drivers/[id]/route";
import { GET as listDrivers, POST as postDriver } from "@/app/api/v1/key-drivers/route";
import { GET as getTx } from "@/app/api/v1/window/transactions/[id]/route";
import { GET as listTx, POST as postTx } from "@/app/api/v1/window/transactions/route";
import { db } from "@/lib/db";
import { exportViolations } from "@/lib/violations/export-violations";
import { revealViolationId } from "@/lib/violations/get-violation";
import { listViolations } from "@/lib/violations/list-violations";
import { violationJson } from "@/lib/violations/serialize";
import { listViolationsSchema } from "@/lib/violations/schemas";
import { unitsById } from "@/lib/records/units";
import { revealApplicant } from "@/lib/window/read-transactions";
import { call } from "../setup/api";
import { actorFor } from "../setup/actors";
import { codeOf, ensureCatalogue, idCard, makeToken, ZHENYUAN } from "../setup/records";
import { seedWindowData, validId } from "../db/window-helpers";

// 18 characters: a licence number that is an ID number.
const LICENCE = idCard("522625", "19900101", "777");
const MASKED = `522625********${LICENCE.slice(-4)}`;

let token: string;
let violationId: string;
let driverId: string;
let txId: string;

beforeAll(async () => {
  await ensureCatalogue();
  await seedWindowData();
  token = await makeToken("522625", [
    "violation.create",
    "violation.view",
    "keyvehicle.manage",
    "keyvehicle.view",
    "window.serve",
    "window.view",
  ]);
  const v = await call(postViolation, {
    token,
    body: {
      occurredAt: "2026-03-01T09:30:00+08:00",
      ...ZHENYUAN,
      plate: "贵H77777",
      plateColor: "blue",
      vehicleType: "small_car",
      type: "illegal_parking",
      driverName: "王五",
      driverIdNumber: idCard(),
      licenceNumber: LICENCE,
    },
  });
  expect(v.status).toBe(201);
  violationId = v.body.id;
  const d = await call(postDriver, {
    token,
    body: { name: "赵六", idNumber: idCard("522625", "19800202", "555"), licenceNumber: LICENCE, licenceClass: "A1" },
  });
  expect(d.status).toBe(201);
  driverId = d.body.id;
  const t = await call(postTx, {
    token,
    body: {
      business: "licence_review",
      channel: "hall",
      hall: "522625-H1",
      window: 1,
      applicantName: "张三",
      applicantIdNumber: validId(),
      licenceNumber: LICENCE,
    },
  });
  expect(t.status).toBe(201);
  txId = t.body.id;
});

const leaks = (x: unknown) => JSON.stringify(x).includes(LICENCE);

describe("licence numbers are masked everywhere but the audited reveal", () => {
  it("violation list and record (API token), CSV and XLSX exports", async () => {
    const list = await call(listViolationsRoute, { token, path: "/api/v1/violations?limit=500" });
    expect(list.status).toBe(200);
    const mine = list.body.items.find((i: { id: string }) => i.id === violationId);
    expect(mine.licenceNumberMasked).toBe(MASKED);
    expect(leaks(list.body)).toBe(false);
    const one = await call(getViolationRoute, { token, params: { id: violationId } });
    expect(one.body.licenceNumberMasked).toBe(MASKED);
    expect(leaks(one.body)).toBe(false);
    const commander = await actorFor("zy-commander");
    for (const format of ["csv", "xlsx"] as const) {
      const res = await exportViolations({
        actor: commander,
        input: listViolationsSchema.parse({}),
        format,
        locale: "zh",
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      if (format === "csv") expect(bytes.toString("utf8")).toContain(MASKED);
      expect(bytes.includes(LICENCE)).toBe(false);
    }
  });

  it("officers and auxiliaries read it masked too", async () => {
    for (const who of ["zy-officer", "zy-aux"]) {
      const actor = await actorFor(who);
      const page = await listViolations({ actor, input: listViolationsSchema.parse({ limit: 500 }) });
      const units = await unitsById(page.items.map((v) => v.unitId));
      const json = page.items.map((v) => violationJson(v, units));
      expect(json.find((v) => v.id === violationId)?.licenceNumberMasked).toBe(MASKED);
      expect(leaks(json)).toBe(false);
    }
  });

  it("key-driver records", async () => {
    const list = await call(listDrivers, { token, path: "/api/v1/key-drivers" });
    expect(list.body.items.find((i: { id: string }) => i.id === driverId).licenceNumberMasked).toBe(MASKED);
    expect(leaks(list.body)).toBe(false);
    const one = await call(getDriver, { token, params: { id: driverId } });
    expect(one.body.licenceNumberMasked).toBe(MASKED);
    expect(leaks(one.body)).toBe(false);
  });

  it("window transaction JSON", async () => {
    const list = await call(listTx, { token, path: "/api/v1/window/transactions" });
    expect(list.body.items.find((i: { id: string }) => i.id === txId).licenceNumberMasked).toBe(MASKED);
    expect(leaks(list.body)).toBe(false);
    const one = await call(getTx, { token, params: { id: txId } });
    expect(one.body.licenceNumberMasked).toBe(MASKED);
    expect(leaks(one.body)).toBe(false);
  });

  it("audit rows keep it masked", async () => {
    const rows = await db.auditLog.findMany({ where: { entityId: { in: [violationId, driverId, txId] } } });
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(leaks(rows.map((r) => [r.before, r.after]))).toBe(false);
  });

  it("the full number only through the audited reveal, for those allowed it", async () => {
    const officer = await actorFor("zy-officer");
    expect(await codeOf(revealViolationId({ actor: officer, input: { id: violationId } }))).toBe("FORBIDDEN");
    const legal = await actorFor("zy-legal");
    const before = await db.auditLog.count({ where: { action: "violation.reveal_id", entityId: violationId } });
    const r = await revealViolationId({ actor: legal, input: { id: violationId } });
    expect(r.licenceNumber).toBe(LICENCE);
    expect(await db.auditLog.count({ where: { action: "violation.reveal_id", entityId: violationId } })).toBe(
      before + 1,
    );
    const clerk = await actorFor("zy-clerk");
    expect((await revealApplicant({ actor: clerk, id: txId })).licenceNumber).toBe(LICENCE);
    expect(await db.auditLog.count({ where: { action: "window.transaction.reveal_id", entityId: txId } })).toBe(1);
    // A Yinjiang commander cannot reveal a Zhenyuan record.
    const yj = await actorFor("yj-commander");
    expect(await codeOf(revealViolationId({ actor: yj, input: { id: violationId } }))).toBe("NOT_FOUND");
  });
});
