/** Recording violations: rules, placement, scope, audit, idempotent replays. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createViolation } from "@/lib/violations/create-violation";
import { getViolation, revealViolationId } from "@/lib/violations/get-violation";
import { listViolations, countViolations } from "@/lib/violations/list-violations";
import { createViolationSchema, listViolationsSchema, updateViolationSchema } from "@/lib/violations/schemas";
import { updateViolation } from "@/lib/violations/update-violation";
import { recordPages } from "@/lib/records/export";
import { actorFor } from "../setup/actors";
import { codeOf, ensureCatalogue, idCard, YINJIANG, ZHENYUAN } from "../setup/records";

beforeAll(ensureCatalogue);

const base = (over: Record<string, unknown> = {}) =>
  createViolationSchema.parse({
    occurredAt: "2026-03-01T09:30:00+08:00",
    ...ZHENYUAN,
    plate: "贵H12345",
    plateColor: "blue",
    vehicleType: "small_car",
    type: "illegal_parking",
    ...over,
  });

const count = () => db.violation.count();

describe("recording a violation", () => {
  it("an officer records one with a penalty; it is placed in the brigade whose outline holds the point, and audited", async () => {
    const officer = await actorFor("zy-officer");
    const { record, replayed } = await createViolation({
      actor: officer,
      input: base({ type: "drink_driving", fineYuan: 1500, points: 12, licenceSeized: true, driverIdNumber: idCard() }),
    });
    expect(replayed).toBe(false);
    const unit = await db.unit.findUniqueOrThrow({ where: { code: "522625" } });
    expect(record).toMatchObject({
      unitId: unit.id,
      brigadeId: unit.id,
      unitPath: unit.path,
      gridId: null,
      serious: true,
      status: "recorded",
      recordedById: officer.userId,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "violation.create", entityId: record.id } });
    // The audit keeps the masked ID number only.
    expect(JSON.stringify(audit.after)).not.toContain(idCard());
    expect((audit.after as { driverIdNumber: string }).driverIdNumber).toBe("522625********123" + idCard().slice(-1));
  });

  it("a point outside every outline falls back to the recorder's unit; a unitCode narrows it", async () => {
    const officer = await actorFor("zy-officer");
    const far = await createViolation({ actor: officer, input: base({ lat: 30.0, lng: 100.0 }) });
    expect(far.record.unitPath).toBe("/520000/522600/522625/");
    const squad = await createViolation({ actor: officer, input: base({ unitCode: "522625-03" }) });
    expect(squad.record.unitPath).toBe("/520000/522600/522625/522625-03/");
    expect(squad.record.brigadeId).toBe(far.record.brigadeId);
  });

  it("auxiliaries record only their types and never a penalty; nothing is written when refused", async () => {
    const aux = await actorFor("zy-aux");
    const before = await count();
    expect(await codeOf(createViolation({ actor: aux, input: base({ fineYuan: 100 }) }))).toBe("FORBIDDEN");
    expect(await codeOf(createViolation({ actor: aux, input: base({ licenceSeized: true }) }))).toBe("FORBIDDEN");
    expect(await codeOf(createViolation({ actor: aux, input: base({ type: "speeding_20_50" }) }))).toBe("FORBIDDEN");
    expect(await count()).toBe(before);
    const ok = await createViolation({ actor: aux, input: base({ type: "no_helmet", vehicleType: "motorcycle" }) });
    expect(ok.record.fineYuan).toBeNull();
  });

  it("roles without the permission are refused: a clerk, a legal officer, a duty officer", async () => {
    for (const u of ["zy-clerk", "zy-legal", "zy-duty"]) {
      expect(await codeOf(createViolation({ actor: await actorFor(u), input: base() })), u).toBe("FORBIDDEN");
    }
  });

  it("the penalty must fit the type: fine range, detention maximum", async () => {
    const officer = await actorFor("zy-officer");
    expect(await codeOf(createViolation({ actor: officer, input: base({ fineYuan: 2000 }) }))).toBe("INVALID");
    expect(await codeOf(createViolation({ actor: officer, input: base({ detentionDays: 5 }) }))).toBe("INVALID");
    expect(await codeOf(createViolation({ actor: officer, input: base({ type: "no_such_type" }) }))).toBe("INVALID");
    await expect(
      createViolation({ actor: officer, input: base({ type: "fake_plate", fineYuan: 2000, detentionDays: 15 }) }),
    ).resolves.toBeTruthy();
  });

  it("validation: plates, ID checksum, future dates, coordinates", () => {
    const issues = (over: Record<string, unknown>) => {
      const r = createViolationSchema.safeParse({ occurredAt: "2026-03-01T09:30", type: "other", ...over });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    };
    expect(issues({})).toEqual([]);
    expect(issues({ plate: "贵H1234" })).toEqual(["plate:validation.plate"]);
    expect(issues({ plate: "贵HD12345" })).toEqual([]); // new-energy, 8 characters
    expect(issues({ plate: "贵H1234学" })).toEqual([]); // coach
    expect(issues({ plate: "贵A1234警" })).toEqual([]); // police
    expect(issues({ plate: "贵H1234挂" })).toEqual([]); // trailer
    expect(issues({ driverIdNumber: idCard().slice(0, 17) + (idCard().endsWith("1") ? "2" : "1") })).toEqual([
      "driverIdNumber:validation.idCard",
    ]);
    expect(issues({ driverIdNumber: idCard() })).toEqual([]);
    expect(issues({ occurredAt: new Date(Date.now() + 3600_000).toISOString() })).toEqual([
      "occurredAt:validation.futureDate",
    ]);
    expect(issues({ occurredAt: "1989-12-31T10:00:00+08:00" })).toEqual(["occurredAt:records.validation.tooEarly"]);
    expect(issues({ occurredAt: "yesterday" })).toEqual(["occurredAt:records.validation.dateTime"]);
    expect(issues({ lat: 91, lng: 108 })).toEqual(["lat:validation.latitude"]);
    expect(issues({ lat: 27, lng: 181 })).toEqual(["lng:validation.longitude"]);
    expect(issues({ lat: 27 })).toEqual(["lng:records.validation.latLngPair"]);
    expect(issues({ fineYuan: -5 })).toEqual(["fineYuan:validation.positiveInt"]);
    expect(issues({ points: 13 })).toEqual(["points:records.validation.tooLarge"]);
    expect(issues({ address: "a\u0000b" })).toEqual(["address:validation.invalid"]);
    // A local time without an offset is Asia/Shanghai.
    expect(
      createViolationSchema.parse({ occurredAt: "2026-03-01T09:30", type: "other" }).occurredAt.toISOString(),
    ).toBe("2026-03-01T01:30:00.000Z");
  });
});

describe("replays", () => {
  it("the same externalRef with the same content returns the first record; different content is a 409", async () => {
    const officer = await actorFor("zy-officer");
    const first = await createViolation({ actor: officer, input: base({ externalRef: "PDA-7-0001" }) });
    const again = await createViolation({ actor: officer, input: base({ externalRef: "PDA-7-0001" }) });
    expect(again).toMatchObject({ replayed: true, record: { id: first.record.id } });
    expect(
      await codeOf(createViolation({ actor: officer, input: base({ externalRef: "PDA-7-0001", plate: "贵H54321" }) })),
    ).toBe("CONFLICT");
    expect(await db.violation.count({ where: { externalRef: "PDA-7-0001" } })).toBe(1);
  });

  it("10 concurrent identical requests with one Idempotency-Key write exactly one row", async () => {
    const officer = await actorFor("zy-officer");
    const input = base({ plate: "贵H77777" });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => createViolation({ actor: officer, input, idempotencyKey: "tablet-click-42" })),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const ids = new Set(results.map((r) => (r as PromiseFulfilledResult<{ record: { id: string } }>).value.record.id));
    expect(ids.size).toBe(1);
    expect(await db.violation.count({ where: { plate: "贵H77777" } })).toBe(1);
    expect(results.filter((r) => !(r as PromiseFulfilledResult<{ replayed: boolean }>).value.replayed)).toHaveLength(1);
    // The same key with another body is refused.
    expect(
      await codeOf(
        createViolation({ actor: officer, input: base({ plate: "贵H77778" }), idempotencyKey: "tablet-click-42" }),
      ),
    ).toBe("CONFLICT");
  });

  it("10 concurrent identical requests with one externalRef write exactly one row", async () => {
    const officer = await actorFor("zy-officer");
    const input = base({ plate: "贵H66666", externalRef: "CAM-3-998" });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => createViolation({ actor: officer, input })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill("fulfilled"));
    expect(await db.violation.count({ where: { externalRef: "CAM-3-998" } })).toBe(1);
  });
});

describe("scope", () => {
  it("a Zhenyuan user cannot read, list, edit or reveal a Yinjiang record, nor place one in Yinjiang", async () => {
    const yj = await actorFor("yj-commander");
    const theirs = await createViolation({
      actor: yj,
      input: base({ ...YINJIANG, plate: "贵D12345", driverIdNumber: idCard("520626") }),
    });
    expect(theirs.record.unitPath).toBe("/520000/520600/520626/");
    const zy = await actorFor("zy-commander");
    expect(await codeOf(getViolation({ actor: zy, id: theirs.record.id }))).toBe("NOT_FOUND");
    expect(
      await codeOf(
        updateViolation({
          actor: zy,
          input: updateViolationSchema.parse({ id: theirs.record.id, status: "notified" }),
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await codeOf(revealViolationId({ actor: zy, input: { id: theirs.record.id } }))).toBe("NOT_FOUND");
    const page = await listViolations({ actor: zy, input: listViolationsSchema.parse({ plate: "贵D12345" }) });
    expect(page.items).toHaveLength(0);
    expect(await codeOf(listViolations({ actor: zy, input: listViolationsSchema.parse({ unit: "520626" }) }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(createViolation({ actor: zy, input: base({ unitCode: "520626" }) }))).toBe("NOT_FOUND");
    // A Zhenyuan officer recording at a Yinjiang point: the record stays in Zhenyuan.
    const mine = await createViolation({ actor: await actorFor("zy-officer"), input: base({ ...YINJIANG }) });
    expect(mine.record.unitPath).toBe("/520000/522600/522625/");
  });

  it("an admin at province level must name a brigade or squad when the point is outside every outline", async () => {
    const admin = await actorFor("admin");
    expect(await codeOf(createViolation({ actor: admin, input: base({ lat: 30, lng: 100 }) }))).toBe("INVALID");
    await expect(
      createViolation({ actor: admin, input: base({ lat: 30, lng: 100, unitCode: "520626" }) }),
    ).resolves.toBeTruthy();
  });
});

describe("reading, editing, revealing", () => {
  it("lists with filters and keyset pages, newest first, and counts", async () => {
    const officer = await actorFor("zy-officer");
    for (let i = 0; i < 5; i++)
      await createViolation({
        actor: officer,
        input: base({ plate: "贵H8888" + i, occurredAt: `2026-02-0${i + 1}T10:00:00+08:00` }),
      });
    const input = listViolationsSchema.parse({ plate: "H8888", limit: 2, from: "2026-02-01", to: "2026-02-05" });
    const p1 = await listViolations({ actor: officer, input });
    const p2 = await listViolations({ actor: officer, input: { ...input, cursor: p1.nextCursor! } });
    const p3 = await listViolations({ actor: officer, input: { ...input, cursor: p2.nextCursor! } });
    expect([...p1.items, ...p2.items, ...p3.items].map((v) => v.plate)).toEqual([
      "贵H88884",
      "贵H88883",
      "贵H88882",
      "贵H88881",
      "贵H88880",
    ]);
    expect(p3.nextCursor).toBeNull();
    expect(await countViolations({ actor: officer, input })).toBe(5);
    expect(await countViolations({ actor: officer, input: { ...input, to: "2026-02-03" } })).toBe(3);
  });

  it("status steps forward only, stale edits are refused, and each change is audited", async () => {
    const officer = await actorFor("zy-officer");
    const commander = await actorFor("zy-commander");
    const { record } = await createViolation({ actor: officer, input: base() });
    expect(
      await codeOf(
        updateViolation({ actor: officer, input: updateViolationSchema.parse({ id: record.id, status: "notified" }) }),
      ),
    ).toBe("FORBIDDEN");
    const notified = await updateViolation({
      actor: commander,
      input: updateViolationSchema.parse({
        id: record.id,
        status: "notified",
        expectedUpdatedAt: record.updatedAt.toISOString(),
      }),
    });
    expect(notified.status).toBe("notified");
    expect(
      await codeOf(
        updateViolation({
          actor: commander,
          input: updateViolationSchema.parse({
            id: record.id,
            address: "x",
            expectedUpdatedAt: record.updatedAt.toISOString(),
          }),
        }),
      ),
    ).toBe("CONFLICT");
    expect(
      await codeOf(
        updateViolation({
          actor: commander,
          input: updateViolationSchema.parse({ id: record.id, status: "recorded" }),
        }),
      ),
    ).toBe("CONFLICT");
    expect(await db.auditLog.count({ where: { entityId: record.id, action: "violation.notified" } })).toBe(1);
  });

  it("an edit clears an optional field with null or an empty string; a field left out stays", async () => {
    const commander = await actorFor("zy-commander");
    const { record } = await createViolation({
      actor: commander,
      input: base({ address: "舞阳大道 12 号", roadName: "舞阳大道", notes: "写错了", driverName: "张三" }),
    });
    // What the edit form sends: every field it shows, the emptied ones as "".
    await updateViolation({
      actor: commander,
      input: updateViolationSchema.parse({
        id: record.id,
        address: "",
        notes: "  ",
        roadName: "舞阳大道",
        plate: "贵H12345",
        plateColor: "",
        vehicleType: "small_car",
      }),
    });
    // The API: null clears.
    const after = await updateViolation({
      actor: commander,
      input: updateViolationSchema.parse({ id: record.id, driverName: null }),
    });
    expect(after).toMatchObject({
      address: null,
      notes: null,
      plateColor: null,
      driverName: null,
      roadName: "舞阳大道",
      plate: "贵H12345",
      vehicleType: "small_car",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { entityId: record.id, action: "violation.update" },
      orderBy: { id: "asc" },
    });
    expect(audit.before).toMatchObject({ address: "舞阳大道 12 号", notes: "写错了", plateColor: "blue" });
    expect(audit.after).toMatchObject({ address: null, notes: null, plateColor: null });
    // A bad value is still refused, and nothing changes.
    expect(() => updateViolationSchema.parse({ id: record.id, plate: "not a plate" })).toThrow();
    expect(updateViolationSchema.parse({ id: record.id }).address).toBeUndefined();
  });

  it("exports page by page, newest first, each row once, with its unit (ties on the time broken by id)", async () => {
    const officer = await actorFor("zy-officer");
    const plate = "贵H7E001";
    for (const [i, at] of [
      "2026-02-01T08:00",
      "2026-02-01T08:00",
      "2026-02-01T08:00",
      "2026-02-02T08:00",
      "2026-01-30T08:00",
    ].entries()) {
      await createViolation({
        actor: officer,
        input: base({ occurredAt: `${at}+08:00`, plate, externalRef: `EXP-${i}` }),
      });
    }
    const where = { plate };
    const seen: { id: string; occurredAt: Date; unitCode: string; unitName: string }[] = [];
    const sizes: number[] = [];
    for await (const page of recordPages(
      (after, take) =>
        db.violation.findMany({
          where: after ? { AND: [where, after] } : where,
          orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
          take,
        }),
      "zh",
      2,
    )) {
      sizes.push(page.length);
      seen.push(...page);
    }
    expect(sizes).toEqual([2, 2, 1]);
    const all = await db.violation.findMany({ where, orderBy: [{ occurredAt: "desc" }, { id: "desc" }] });
    expect(seen.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect(new Set(seen.map((r) => r.unitCode)).size).toBeGreaterThan(0);
    expect(seen.every((r) => r.unitCode.startsWith("522625") && r.unitName.length > 0)).toBe(true);
  });

  it("revealing the full ID number needs idcard.reveal and leaves an audit row", async () => {
    const officer = await actorFor("zy-officer");
    const { record } = await createViolation({
      actor: officer,
      input: base({ driverIdNumber: idCard("522625", "19900101", "456") }),
    });
    expect(await codeOf(revealViolationId({ actor: officer, input: { id: record.id } }))).toBe("FORBIDDEN");
    const legal = await actorFor("zy-legal");
    await expect(revealViolationId({ actor: legal, input: { id: record.id } })).resolves.toEqual({
      idNumber: idCard("522625", "19900101", "456"),
      licenceNumber: null,
    });
    expect(
      await db.auditLog.count({
        where: { entityId: record.id, action: "violation.reveal_id", actorUserId: legal.userId },
      }),
    ).toBe(1);
  });
});
