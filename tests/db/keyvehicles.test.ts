/** Key vehicles (两客一危一校): registries, data screening, the closed loop, the year's figures. */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createEnterprise, createKeyDriver, createKeyVehicle, listKeyVehicles } from "@/lib/keyvehicles/registry";
import {
  actionSchema,
  enterpriseSchema,
  findingSchema,
  keyDriverSchema,
  keyVehicleSchema,
  listKeySchema,
} from "@/lib/keyvehicles/schemas";
import {
  addAction,
  closeFinding,
  createFinding,
  screenKeyVehicles,
  supervisionSummary,
} from "@/lib/keyvehicles/supervision";
import { actorFor } from "../setup/actors";
import { codeOf, ensureCatalogue, idCard } from "../setup/records";

beforeAll(ensureCatalogue);

describe("registries", () => {
  it("register an enterprise, its vehicles and drivers; natural keys replay or conflict", async () => {
    const c = await actorFor("zy-commander");
    const { record: e } = await createEnterprise({
      actor: c,
      input: enterpriseSchema.parse({
        name: "镇远县舞阳客运有限公司",
        kind: "passenger",
        creditCode: "91522625MA6DL2XK3Q",
      }),
    });
    const again = await createEnterprise({
      actor: c,
      input: enterpriseSchema.parse({
        name: "镇远县舞阳客运有限公司",
        kind: "passenger",
        creditCode: "91522625MA6DL2XK3Q",
      }),
    });
    expect(again).toMatchObject({ replayed: true, record: { id: e.id } });
    expect(
      await codeOf(
        createEnterprise({
          actor: c,
          input: enterpriseSchema.parse({ name: "镇远县舞阳客运有限公司", kind: "freight" }),
        }),
      ),
    ).toBe("CONFLICT");
    const { record: v } = await createKeyVehicle({
      actor: c,
      input: keyVehicleSchema.parse({
        plate: "贵H12345",
        vehicleClass: "coach",
        enterpriseId: e.id,
        inspectionDue: "2030-01-01",
      }),
    });
    expect(v).toMatchObject({ enterpriseId: e.id, status: "active" });
    expect(
      await codeOf(
        createKeyVehicle({ actor: c, input: keyVehicleSchema.parse({ plate: "贵H12345", vehicleClass: "tour_bus" }) }),
      ),
    ).toBe("CONFLICT");
    expect(keyVehicleSchema.safeParse({ plate: "bad", vehicleClass: "coach" }).success).toBe(false);
    expect(keyDriverSchema.safeParse({ name: "王", idNumber: "123" }).success).toBe(false);
    expect(keyDriverSchema.safeParse({ name: "王", idNumber: idCard() }).success).toBe(true);
    // An enterprise of another brigade cannot be named.
    const yj = await actorFor("yj-commander");
    expect(
      await codeOf(
        createKeyVehicle({
          actor: yj,
          input: keyVehicleSchema.parse({ plate: "贵D12345", vehicleClass: "coach", enterpriseId: e.id }),
        }),
      ),
    ).toBe("INVALID");
    expect(
      await codeOf(
        createEnterprise({
          actor: await actorFor("zy-officer"),
          input: enterpriseSchema.parse({ name: "x", kind: "freight" }),
        }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("the closed loop", () => {
  it("screening raises findings once; actions control them; closing needs an action; the year's figures add up", async () => {
    const c = await actorFor("zy-commander");
    const { record: e } = await createEnterprise({
      actor: c,
      input: enterpriseSchema.parse({ name: "镇远县危化运输公司", kind: "hazmat" }),
    });
    const { record: late } = await createKeyVehicle({
      actor: c,
      input: keyVehicleSchema.parse({
        plate: "贵H22222",
        vehicleClass: "hazmat_truck",
        enterpriseId: e.id,
        inspectionDue: "2020-01-01",
      }),
    });
    await createKeyVehicle({
      actor: c,
      input: keyVehicleSchema.parse({
        plate: "贵H33333",
        vehicleClass: "hazmat_truck",
        enterpriseId: e.id,
        inspectionDue: "2099-01-01",
      }),
    });
    const { record: bad } = await createKeyDriver({
      actor: c,
      input: keyDriverSchema.parse({
        name: "李某",
        idNumber: idCard("522625", "19800101", "011"),
        licenceStatus: "full_score",
        enterpriseId: e.id,
      }),
    });
    await createKeyDriver({
      actor: c,
      input: keyDriverSchema.parse({ name: "张某", idNumber: idCard("522625", "19810101", "021"), enterpriseId: e.id }),
    });

    const first = await screenKeyVehicles({ actor: c });
    expect(first).toEqual({ overdueInspection: 1, scrapDue: 0, unqualifiedDriver: 1 });
    expect(await screenKeyVehicles({ actor: c })).toEqual({ overdueInspection: 0, scrapDue: 0, unqualifiedDriver: 0 });
    const vehicleFinding = await db.supervisionFinding.findFirstOrThrow({ where: { keyVehicleId: late.id } });
    const driverFinding = await db.supervisionFinding.findFirstOrThrow({ where: { keyDriverId: bad.id } });
    expect(vehicleFinding).toMatchObject({
      kind: "overdue_inspection",
      status: "open",
      enterpriseId: e.id,
      origin: "data_screening",
    });

    expect(await codeOf(closeFinding({ actor: c, input: { id: vehicleFinding.id, closingNote: "x" } }))).toBe(
      "CONFLICT",
    );
    expect(
      await codeOf(
        addAction({ actor: c, input: actionSchema.parse({ findingId: vehicleFinding.id, kind: "driver_dismissal" }) }),
      ),
    ).toBe("INVALID");
    await addAction({
      actor: c,
      input: actionSchema.parse({ findingId: vehicleFinding.id, kind: "notice_letter", note: "向企业发出隐患抄告函" }),
    });
    await addAction({
      actor: c,
      input: actionSchema.parse({
        findingId: vehicleFinding.id,
        kind: "inspection_enforced",
        newInspectionDue: "2027-01-01",
      }),
    });
    expect(
      (await db.keyVehicle.findUniqueOrThrow({ where: { id: late.id } })).inspectionDue?.toISOString().slice(0, 10),
    ).toBe("2027-01-01");
    expect((await db.supervisionFinding.findUniqueOrThrow({ where: { id: vehicleFinding.id } })).status).toBe(
      "controlled",
    );
    await closeFinding({ actor: c, input: { id: vehicleFinding.id, closingNote: "已完成检验，销号" } });

    await addAction({
      actor: c,
      input: actionSchema.parse({ findingId: driverFinding.id, kind: "enterprise_interview" }),
    });
    await addAction({ actor: c, input: actionSchema.parse({ findingId: driverFinding.id, kind: "driver_dismissal" }) });
    expect((await db.keyDriver.findUniqueOrThrow({ where: { id: bad.id } })).employment).toBe("dismissed");
    await closeFinding({ actor: c, input: { id: driverFinding.id, closingNote: "驾驶人已解聘" } });
    // A dismissed driver is not raised again; the vehicle is no longer overdue.
    expect(await screenKeyVehicles({ actor: c })).toEqual({ overdueInspection: 0, scrapDue: 0, unqualifiedDriver: 0 });

    const { record: manual } = await createFinding({
      actor: c,
      input: findingSchema.parse({ kind: "repeated_violations", description: "驾驶人多次超速", enterpriseId: e.id }),
    });
    await addAction({ actor: c, input: actionSchema.parse({ findingId: manual.id, kind: "offence_prosecuted" }) });

    const year = new Date().getFullYear();
    const sum = await supervisionSummary({ actor: c, year });
    expect(sum).toMatchObject({
      sourceHazardsRemedied: 2,
      driversDismissed: 1,
      offencesProsecuted: 1,
      noticeLetters: 1,
      enterprisesInterviewed: 1,
      vehiclesBroughtToInspection: 1,
      findingsOpen: 1,
    });
    expect(await supervisionSummary({ actor: await actorFor("yj-commander"), year })).toMatchObject({
      sourceHazardsRemedied: 0,
      findingsRaised: 0,
    });

    const overdue = await listKeyVehicles({ actor: c, input: listKeySchema.parse({ overdue: "true" }) });
    expect(overdue.items.map((x) => x.plate)).not.toContain("贵H22222");
    expect(
      await codeOf(
        addAction({
          actor: await actorFor("yj-commander"),
          input: actionSchema.parse({ findingId: manual.id, kind: "other" }),
        }),
      ),
    ).toBe("NOT_FOUND");
  });
});
