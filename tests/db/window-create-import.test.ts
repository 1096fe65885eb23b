/**
 * The window's create path and its import apply one set of rules (resolveTransaction) and
 * store one row (transactionData): the same bodies fed through both store the same
 * transactions, and the same bad bodies are refused on the same field.
 */
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createTransaction } from "@/lib/window/create-transaction";
import { importTransactions } from "@/lib/window/import-transactions";
import { createTransactionSchema } from "@/lib/window/schemas";
import { actorFor } from "../setup/actors";
import { seedWindowData, validId } from "./window-helpers";

const ID = validId("52262519850312123");
const at = (hhmm: string) => `2026-11-16T${hhmm}:00+08:00`;

async function zyAdmin() {
  const admin = await actorFor("admin");
  return { ...admin, unitPath: "/520000/522600/522625/", unitCode: "522625" };
}

/** Both paths, for one set of bodies: the create path one by one, the import as one NDJSON file. */
async function both(bodies: Record<string, unknown>[]) {
  const actor = await zyAdmin();
  const created: { ok: boolean; fields: string[] }[] = [];
  for (const body of bodies) {
    const parsed = createTransactionSchema.safeParse(body);
    if (!parsed.success) {
      created.push({ ok: false, fields: parsed.error.issues.map((i) => i.path.join(".")) });
      continue;
    }
    try {
      await createTransaction({ actor, input: parsed.data });
      created.push({ ok: true, fields: [] });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      created.push({ ok: false, fields: (e.fields ?? []).map((f) => f.path) });
    }
  }
  const report = await importTransactions({
    actor,
    body: Readable.from([bodies.map((b) => JSON.stringify(b)).join("\n") + "\n"]),
    format: "ndjson",
  });
  return { created, report };
}

/** A stored row without what tells the two writes apart (ids, who, when written, the reference). */
async function stored(applicantName: string) {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT * FROM window_transactions WHERE applicant_name = ${applicantName} ORDER BY external_ref NULLS FIRST`;
  return rows.map(({ id: _i, clerk_id: _c, external_ref: _r, created_at: _ca, updated_at: _u, ...rest }) => rest);
}

describe("window transactions: create and import share every rule", () => {
  let tripId = "";
  let pointId = "";
  beforeAll(async () => {
    await seedWindowData();
    const zy = await db.unit.findUniqueOrThrow({ where: { code: "522625" } });
    const unit = { unitId: zy.id, unitPath: zy.path, brigadeId: zy.id };
    tripId = (
      await db.outreachTrip.create({
        data: { ...unit, tripDate: new Date("2026-11-16T00:00:00Z"), township: "羊场镇" },
      })
    ).id;
    pointId = (await db.servicePoint.create({ data: { ...unit, name: "对照服务点", village: "对照村" } })).id;
  });

  it("the same bodies store the same transactions either way", async () => {
    const base = { applicantIdNumber: ID, startedAt: at("09:00"), completedAt: at("09:20") };
    const bodies = [
      { ...base, applicantName: "对照甲", business: "licence_review", hall: "522625-H1", window: 2 },
      // no hall: the only active hall in scope (the import used to refuse this row)
      { ...base, applicantName: "对照乙", business: "licence_review" },
      // the catalogue's fee, paid; a difficult case solved; completed after hours
      {
        ...base,
        applicantName: "对照丙",
        business: "new_registration_car",
        payment: "pos",
        difficult: true,
        difficultResolution: "补齐材料后办结",
        completedAt: at("18:05"),
      },
      // no start time: started when completed; a named squad
      {
        applicantIdNumber: ID,
        applicantName: "对照丁",
        business: "enquiry",
        channel: "online",
        unitCode: "522625-01",
        completedAt: at("10:00"),
      },
      { ...base, applicantName: "对照戊", business: "licence_review", channel: "outreach", outreachTripId: "TRIP" },
      {
        ...base,
        applicantName: "对照己",
        business: "licence_review",
        channel: "service_point",
        servicePointId: "POINT",
      },
      {
        ...base,
        applicantName: "对照庚",
        business: "licence_review",
        result: "returned",
        missingDocuments: "体检证明",
        followUpDue: "2026-11-20",
      },
      { ...base, applicantName: "对照辛", business: "other", feeYuan: 5, payment: "cash" },
    ].map((b) => JSON.parse(JSON.stringify(b).replace('"TRIP"', `"${tripId}"`).replace('"POINT"', `"${pointId}"`)));

    const { created, report } = await both(bodies);
    expect(created.every((c) => c.ok)).toBe(true);
    expect(report).toMatchObject({ received: bodies.length, created: bodies.length, rejected: 0 });
    for (const b of bodies) {
      const [viaCreate, viaImport] = await stored(b.applicantName);
      expect(viaImport, b.applicantName).toEqual(viaCreate);
    }
    // What the rules derived, spelled out once.
    const [hallLess] = await stored("对照乙");
    expect(hallLess).toMatchObject({ channel: "hall", fee_yuan: 0, payment: "none" });
    expect(hallLess.hall_id).not.toBeNull();
    const [paid] = await stored("对照丙");
    expect(paid).toMatchObject({ fee_yuan: 110, payment: "pos", difficult_resolved: true, after_hours: true });
    const [online] = await stored("对照丁");
    expect(online.started_at).toEqual(online.completed_at);
    expect(online.unit_path).toBe("/520000/522600/522625/522625-01/");
  });

  it("a record created through the API and imported again is a duplicate, not a conflict", async () => {
    const body = {
      applicantIdNumber: ID,
      applicantName: "对照壬",
      business: "licence_review",
      hall: "522625-H1",
      completedAt: at("11:00"),
      externalRef: "twice-1",
    };
    const { created, report } = await both([body]);
    expect(created).toEqual([{ ok: true, fields: [] }]);
    expect(report).toMatchObject({ created: 0, duplicates: 1, rejected: 0 });
    expect(await db.windowTransaction.count({ where: { externalRef: "twice-1" } })).toBe(1);
  });

  it("the same bad bodies are refused on the same field either way, and nothing is stored", async () => {
    const base = { applicantIdNumber: ID, business: "licence_review", completedAt: at("12:00") };
    const bad = [
      { ...base, applicantName: "错甲", business: "no_such_business" },
      { ...base, applicantName: "错乙", hall: "520626-H1" },
      { ...base, applicantName: "错丙", hall: "522625-H1", window: 42 },
      { ...base, applicantName: "错丁", business: "new_registration_car" },
      {
        ...base,
        applicantName: "错戊",
        result: "returned",
        missingDocuments: "x",
        followUpDue: "2026-11-15",
      },
      { ...base, applicantName: "错己", channel: "online", unitCode: "520626" },
      { ...base, applicantName: "错庚", startedAt: at("12:30") },
      { ...base, applicantName: "错辛", channel: "outreach", outreachTripId: "00000000-0000-7000-8000-000000000000" },
    ];
    const { created, report } = await both(bad);
    const fromImport = bad.map((_, i) => report.errors.filter((e) => e.line === i + 1).map((e) => e.field));
    expect(fromImport).toEqual(created.map((c) => c.fields));
    expect(fromImport).toEqual([
      ["business"],
      ["hall"],
      ["window"],
      ["payment"],
      ["followUpDue"],
      ["unitCode"],
      ["completedAt"],
      ["outreachTripId"],
    ]);
    expect(report).toMatchObject({ created: 0, rejected: bad.length });
    expect(await db.windowTransaction.count({ where: { applicantName: { startsWith: "错" } } })).toBe(0);
  });
});
