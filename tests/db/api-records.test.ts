/**
 * The records API as a camera or PDA sees it: status codes, error shapes, replays,
 * scope — and a property-based test throwing random bodies at the create endpoints:
 * never a 500, never a row written unless the answer is 201.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postAccident } from "@/app/api/v1/accidents/route";
import { POST as postHazard } from "@/app/api/v1/hazards/route";
import { POST as postImport } from "@/app/api/v1/import/[kind]/route";
import { GET as getViolation, PATCH as patchViolation } from "@/app/api/v1/violations/[id]/route";
import { POST as postAppeal } from "@/app/api/v1/violations/[id]/appeal/route";
import { GET as listViolations, POST as postViolation } from "@/app/api/v1/violations/route";
import { db } from "@/lib/db";
import { call } from "../setup/api";
import { ensureCatalogue, idCard, makeToken, YINJIANG, ZHENYUAN } from "../setup/records";

let camera: string;
let pda: string;
let yinjiang: string;
let readOnly: string;

beforeAll(async () => {
  await ensureCatalogue();
  camera = await makeToken(
    "522625",
    [
      "violation.create",
      "violation.penalize",
      "violation.view",
      "accident.create",
      "accident.view",
      "hazard.manage",
      "hazard.view",
      "records.import",
      "appeal.file",
    ],
    "camera 7",
  );
  pda = await makeToken("522625-02", ["violation.create", "violation.view"], "PDA of an auxiliary");
  yinjiang = await makeToken(
    "520626",
    ["violation.create", "violation.view", "violation.penalize", "appeal.file"],
    "Yinjiang camera",
  );
  readOnly = await makeToken("522625", ["violation.view"], "dashboard");
});

const body = (over: Record<string, unknown> = {}) => ({
  occurredAt: "2026-03-01T09:30:00+08:00",
  ...ZHENYUAN,
  plate: "贵H12345",
  plateColor: "blue",
  vehicleType: "small_car",
  type: "speeding_20_50",
  source: "camera",
  fineYuan: 200,
  points: 6,
  ...over,
});

describe("POST /api/v1/violations", () => {
  it("answers 201 with the record (id at the top level), 200 for a replay, 409 for a conflicting one", async () => {
    const a = await call(postViolation, { token: camera, body: body({ externalRef: "CAM7-000001" }) });
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({
      id: expect.any(String),
      unitCode: "522625",
      type: "speeding_20_50",
      fineYuan: 200,
      externalRef: "CAM7-000001",
      status: "recorded",
    });
    const b = await call(postViolation, { token: camera, body: body({ externalRef: "CAM7-000001" }) });
    expect(b).toMatchObject({ status: 200, body: { id: a.body.id } });
    const c = await call(postViolation, { token: camera, body: body({ externalRef: "CAM7-000001", fineYuan: 100 }) });
    expect(c.status).toBe(409);
    expect(c.body.error).toMatchObject({ code: "CONFLICT", details: { id: a.body.id }, requestId: expect.any(String) });
  });

  it("422 with the offending fields; 401 for an unknown token; 403 without the permission; nothing written", async () => {
    const before = await db.violation.count();
    const bad = await call(postViolation, {
      token: camera,
      body: body({ plate: "贵H1", driverIdNumber: "522625198503121231X", occurredAt: "2999-01-01T00:00:00Z" }),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("INVALID");
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      "driverIdNumber",
      "occurredAt",
      "plate",
    ]);
    expect(bad.body.error.fields.find((f: { path: string }) => f.path === "plate").message).toMatch(/plate/i);
    expect((await call(postViolation, { token: camera, rawBody: "{not json" })).status).toBe(422);
    expect((await call(postViolation, { token: "tops_nope", body: body() })).status).toBe(401);
    expect((await call(postViolation, { token: readOnly, body: body() })).status).toBe(403);
    // An auxiliary's PDA: penalty fields are refused, and types not marked for auxiliaries too.
    const pen = await call(postViolation, {
      token: pda,
      body: body({ type: "illegal_parking", fineYuan: 100, points: undefined }),
    });
    expect(pen.status).toBe(403);
    expect(pen.body.error.fields.map((f: { path: string }) => f.path)).toEqual(["fineYuan"]);
    expect(
      (await call(postViolation, { token: pda, body: body({ fineYuan: undefined, points: undefined }) })).status,
    ).toBe(403);
    expect(await db.violation.count()).toBe(before);
    const ok = await call(postViolation, {
      token: pda,
      body: { occurredAt: "2026-03-01T10:00", type: "illegal_parking", plate: "贵H54321" },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.unitCode).toBe("522625-02");
  });

  it("10 concurrent requests with one Idempotency-Key create exactly one record", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(postViolation, {
          token: camera,
          body: body({ plate: "贵H99001" }),
          headers: { "idempotency-key": "retry-7" },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await db.violation.count({ where: { plate: "贵H99001" } })).toBe(1);
  });
});

describe("scope through the API (IDOR)", () => {
  it("a Yinjiang token cannot read, list, edit or appeal a Zhenyuan violation", async () => {
    const mine = await call(postViolation, {
      token: camera,
      body: body({ plate: "贵H88001", driverIdNumber: idCard() }),
    });
    expect(mine.body.driverIdNumberMasked).toMatch(/^522625\*+/);
    expect(JSON.stringify(mine.body)).not.toContain(idCard());
    const params = { id: mine.body.id };
    expect((await call(getViolation, { token: yinjiang, params })).status).toBe(404);
    expect(
      (await call(patchViolation, { token: yinjiang, params, method: "PATCH", body: { status: "notified" } })).status,
    ).toBe(403);
    expect((await call(postAppeal, { token: yinjiang, params, body: { reason: "不是我" } })).status).toBe(404);
    const list = await call(listViolations, { token: yinjiang, path: "/api/v1/violations?plate=贵H88001" });
    expect(list).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
    expect((await call(listViolations, { token: yinjiang, path: "/api/v1/violations?unit=522625" })).status).toBe(404);
    expect((await call(getViolation, { token: camera, params })).status).toBe(200);
    expect((await call(getViolation, { token: camera, params: { id: "not-a-uuid" } })).status).toBe(404);
    // Yinjiang's camera recording at a Zhenyuan point stays in Yinjiang; naming Zhenyuan is a 404.
    expect((await call(postViolation, { token: yinjiang, body: body({ ...ZHENYUAN }) })).body.unitCode).toBe("520626");
    expect((await call(postViolation, { token: yinjiang, body: body({ unitCode: "522625" }) })).status).toBe(404);
    expect((await call(postViolation, { token: yinjiang, body: body({ ...YINJIANG }) })).status).toBe(201);
  });
});

describe("POST /api/v1/import/violations", () => {
  it("streams a CSV body and answers the report", async () => {
    const csv =
      "occurredAt,plate,type,fineYuan,externalRef\n2026-02-01 08:00,贵H70001,illegal_parking,100,IMP-1\n2026-02-01 08:00,bad,illegal_parking,,IMP-2\n";
    const r = await call(postImport, {
      token: camera,
      rawBody: csv,
      contentType: "text/csv",
      params: { kind: "violations" },
    });
    expect(r).toMatchObject({
      status: 200,
      body: { received: 2, created: 1, duplicates: 0, rejected: 1, errors: [{ line: 3, field: "plate" }] },
    });
    expect(r.body.errors[0].message).toMatch(/plate/i);
    expect(
      (
        await call(postImport, {
          token: camera,
          rawBody: csv,
          contentType: "application/pdf",
          params: { kind: "violations" },
        })
      ).status,
    ).toBe(422);
    expect(
      (await call(postImport, { token: camera, rawBody: csv, contentType: "text/csv", params: { kind: "nothing" } }))
        .status,
    ).toBe(404);
    expect(
      (await call(postImport, { token: pda, rawBody: csv, contentType: "text/csv", params: { kind: "violations" } }))
        .status,
    ).toBe(403);
  });
});

// ---- property-based: random bodies never cause a 500 and never write a row unless created ----

const junk = fc.oneof(
  fc.jsonValue(),
  fc.constant(null),
  fc.constant(""),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom(
    "\u0000",
    "1e309",
    "-1",
    "NaN",
    "9".repeat(40),
    "2026-02-30T10:00",
    "2026-03-01T25:00",
    "+275760-09-13T00:00:00Z",
    "贵H12345",
    "x".repeat(5000),
    "<script>",
    "'; DROP TABLE violations; --",
  ),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -0.5, 12.5, 27.05, 108.43),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
);

const violationBody = fc.record(
  {
    occurredAt: fc.oneof(
      junk,
      fc.constant("2026-03-01T09:30:00+08:00"),
      fc
        .date({ min: new Date("1980-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
        .map((d) => d.toISOString()),
    ),
    lat: fc.oneof(junk, fc.double({ min: -100, max: 100, noNaN: true })),
    lng: fc.oneof(junk, fc.double({ min: -200, max: 200, noNaN: true })),
    plate: fc.oneof(junk, fc.constantFrom("贵H12345", "贵HD12345", "贵H1234学")),
    plateColor: fc.oneof(junk, fc.constantFrom("blue", "green")),
    vehicleType: fc.oneof(junk, fc.constantFrom("small_car", "e_bike")),
    type: fc.oneof(junk, fc.constantFrom("illegal_parking", "drunk_driving", "fake_plate")),
    source: fc.oneof(junk, fc.constantFrom("camera", "onsite")),
    driverIdNumber: fc.oneof(junk, fc.constant(idCard())),
    fineYuan: junk,
    points: junk,
    licenceSeized: junk,
    detentionDays: junk,
    unitCode: fc.oneof(junk, fc.constantFrom("522625", "522625-01", "520626", "520000")),
    operationId: junk,
    externalRef: junk,
    notes: junk,
    address: junk,
  },
  { requiredKeys: [] },
);

const accidentBody = fc.record(
  {
    occurredAt: fc.oneof(junk, fc.constant("2026-03-01T09:30")),
    deaths: junk,
    injured: junk,
    propertyLossYuan: junk,
    rescueFundYuan: junk,
    hitAndRun: junk,
    hitAndRunSolved: junk,
    handling: fc.oneof(junk, fc.constant("quick")),
    cause: junk,
    weather: junk,
    roadType: junk,
    vehicles: fc.oneof(
      junk,
      fc.array(
        fc.record(
          {
            plate: fc.oneof(junk, fc.constant("贵H12345")),
            vehicleType: junk,
            idNumber: junk,
            role: junk,
            atFault: junk,
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    lat: junk,
    lng: junk,
    unitCode: junk,
    externalRef: junk,
  },
  { requiredKeys: [] },
);

async function probe(handler: typeof postViolation, count: () => Promise<number>, payload: unknown, raw?: string) {
  const before = await count();
  const r = await call(handler, raw !== undefined ? { token: camera, rawBody: raw } : { token: camera, body: payload });
  const after = await count();
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).not.toBe(500);
  expect([200, 201, 403, 404, 409, 413, 422]).toContain(r.status);
  expect(after - before, `status ${r.status}`).toBe(r.status === 201 ? 1 : 0);
  if (r.status >= 400) expect(r.body.error).toMatchObject({ code: expect.any(String), requestId: expect.any(String) });
}

describe("property: random bodies", () => {
  it("POST /api/v1/violations never answers 500 and writes only on 201", async () => {
    await fc.assert(
      fc.asyncProperty(violationBody, (b) => probe(postViolation, () => db.violation.count(), b)),
      { numRuns: 250 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), (b) => probe(postViolation, () => db.violation.count(), b)),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), (s) =>
        probe(postViolation, () => db.violation.count(), undefined, s),
      ),
      { numRuns: 50 },
    );
  });

  it("POST /api/v1/accidents never answers 500 and writes only on 201", async () => {
    await fc.assert(
      fc.asyncProperty(accidentBody, (b) => probe(postAccident as typeof postViolation, () => db.accident.count(), b)),
      { numRuns: 250 },
    );
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), (b) =>
        probe(postAccident as typeof postViolation, () => db.accident.count(), b),
      ),
      { numRuns: 100 },
    );
  });

  it("POST /api/v1/hazards never answers 500 and writes only on 201", async () => {
    const hazardBody = fc.record(
      {
        title: junk,
        description: junk,
        source: junk,
        deadline: fc.oneof(junk, fc.constant("2099-01-01")),
        lat: junk,
        lng: junk,
        foundAt: junk,
        unitCode: junk,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(hazardBody, (b) => probe(postHazard as typeof postViolation, () => db.hazard.count(), b)),
      { numRuns: 150 },
    );
  });
});
