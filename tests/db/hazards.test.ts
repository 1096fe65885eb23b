/** Hazards (隐患), black spots (黑点) and operations: lifecycle, closure rates, one hazard per black spot. */
import { latLngToCell } from "h3-js";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccident } from "@/lib/accidents/create-accident";
import { deriveSeverity } from "@/lib/accidents/rules";
import { createAccidentSchema, updateAccidentSchema } from "@/lib/accidents/schemas";
import { updateAccident } from "@/lib/accidents/update-accident";
import { blackSpotCandidates, createBlackSpotHazard } from "@/lib/hazards/black-spots";
import { createHazard, hazardClosureRates, hazardOverdue, updateHazard } from "@/lib/hazards/hazards";
import {
  blackSpotHazardSchema,
  blackSpotsSchema,
  createHazardSchema,
  createOperationSchema,
  updateHazardSchema,
} from "@/lib/hazards/schemas";
import { countOperations, createOperation } from "@/lib/operations/operations";
import { yearRange } from "@/lib/time";
import { actorFor } from "../setup/actors";
import { codeOf, ensureCatalogue, YINJIANG, ZHENYUAN } from "../setup/records";

beforeAll(ensureCatalogue);

const hazard = (over: Record<string, unknown> = {}) =>
  createHazardSchema.parse({
    title: "路口视距不良",
    description: "绿化遮挡视线",
    source: "patrol",
    deadline: "2099-12-31",
    ...ZHENYUAN,
    ...over,
  });

describe("severity", () => {
  it("is derived from deaths and injured; major from 3 deaths", () => {
    expect(deriveSeverity(0, 0)).toEqual({ severity: "property", major: false });
    expect(deriveSeverity(0, 2)).toEqual({ severity: "injury", major: false });
    expect(deriveSeverity(1, 5)).toEqual({ severity: "fatal", major: false });
    expect(deriveSeverity(3, 0)).toEqual({ severity: "fatal", major: true });
  });

  it("the database refuses a row whose severity disagrees", async () => {
    const unit = await db.unit.findUniqueOrThrow({ where: { code: "522625" } });
    await expect(
      db.accident.create({
        data: {
          unitId: unit.id,
          unitPath: unit.path,
          brigadeId: unit.id,
          occurredAt: new Date(),
          deaths: 1,
          severity: "injury",
        },
      }),
    ).rejects.toThrow(/accidents_severity_check/);
    await expect(
      db.accident.create({
        data: {
          unitId: unit.id,
          unitPath: unit.path,
          brigadeId: unit.id,
          occurredAt: new Date(),
          deaths: 3,
          severity: "fatal",
          major: false,
        },
      }),
    ).rejects.toThrow(/accidents_major_check/);
  });

  it("an accident created through the domain carries the derived severity and its vehicles", async () => {
    const { record } = await createAccident({
      actor: await actorFor("zy-officer"),
      input: createAccidentSchema.parse({
        occurredAt: "2026-03-02T10:00",
        ...ZHENYUAN,
        deaths: 3,
        injured: 2,
        vehicles: "贵H12345:coach;贵H54321:heavy_truck",
      }),
    });
    expect(record).toMatchObject({ severity: "fatal", major: true });
    expect(record.parties.map((p) => p.plate).sort()).toEqual(["贵H12345", "贵H54321"]);
    expect(
      await codeOf(
        createAccident({
          actor: await actorFor("zy-aux"),
          input: createAccidentSchema.parse({ occurredAt: "2026-03-02T10:00" }),
        }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("accident edits", () => {
  it("clear an optional field with null or an empty string; fields left out stay", async () => {
    const officer = await actorFor("zy-officer");
    const { record } = await createAccident({
      actor: officer,
      input: createAccidentSchema.parse({
        occurredAt: "2026-03-03T10:00",
        ...ZHENYUAN,
        injured: 1,
        roadName: "G320",
        address: "两路口",
        weather: "rain",
        notes: "待核实",
      }),
    });
    const after = await updateAccident({
      actor: officer,
      input: updateAccidentSchema.parse({ id: record.id, notes: "", weather: null }),
    });
    expect(after).toMatchObject({ notes: null, weather: null, roadName: "G320", address: "两路口", injured: 1 });
  });
});

describe("hazards", () => {
  it("go open → rectifying → closed, closing needs a note, closed is final, and each step is audited", async () => {
    const officer = await actorFor("zy-officer");
    const { record: h } = await createHazard({ actor: officer, input: hazard() });
    expect(h).toMatchObject({ status: "open", unitPath: "/520000/522600/522625/" });
    expect(updateHazardSchema.safeParse({ id: h.id, status: "closed" }).success).toBe(false);
    await updateHazard({ actor: officer, input: updateHazardSchema.parse({ id: h.id, status: "rectifying" }) });
    const closed = await updateHazard({
      actor: officer,
      input: updateHazardSchema.parse({ id: h.id, status: "closed", closingNote: "已修剪绿化，增设警示标志" }),
    });
    expect(closed).toMatchObject({ status: "closed", closingNote: "已修剪绿化，增设警示标志" });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(
      await codeOf(updateHazard({ actor: officer, input: updateHazardSchema.parse({ id: h.id, status: "open" }) })),
    ).toBe("CONFLICT");
    expect(await db.auditLog.count({ where: { entityId: h.id } })).toBe(3);
    expect(
      await codeOf(
        updateHazard({ actor: await actorFor("zy-aux"), input: updateHazardSchema.parse({ id: h.id, title: "x" }) }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await codeOf(
        updateHazard({
          actor: await actorFor("yj-commander"),
          input: updateHazardSchema.parse({ id: h.id, title: "x" }),
        }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("a deadline before the day it was found is refused; overdue is judged on the local calendar", async () => {
    const officer = await actorFor("zy-officer");
    expect(await codeOf(createHazard({ actor: officer, input: hazard({ deadline: "2020-01-01" }) }))).toBe("INVALID");
    expect(
      hazardOverdue({ status: "open", deadline: new Date("2026-03-10T00:00:00Z") }, new Date("2026-03-10T15:59:00Z")),
    ).toBe(false);
    expect(
      hazardOverdue({ status: "open", deadline: new Date("2026-03-10T00:00:00Z") }, new Date("2026-03-10T16:01:00Z")),
    ).toBe(true);
    expect(
      hazardOverdue({ status: "closed", deadline: new Date("2026-03-10T00:00:00Z") }, new Date("2027-01-01")),
    ).toBe(false);
  });

  it("closure rate per unit counts hazards found in the period", async () => {
    const officer = await actorFor("zy-commander");
    const year = 2025;
    const ids = [];
    for (let i = 0; i < 4; i++) {
      const { record } = await createHazard({
        actor: officer,
        input: hazard({ unitCode: "522625-02", foundAt: `${year}-05-0${i + 1}T10:00`, deadline: `${year}-06-30` }),
      });
      ids.push(record.id);
    }
    for (const id of ids.slice(0, 3))
      await updateHazard({
        actor: officer,
        input: updateHazardSchema.parse({ id, status: "closed", closingNote: "已整改" }),
      });
    const squad = await db.unit.findUniqueOrThrow({ where: { code: "522625-02" } });
    const rates = await hazardClosureRates({ actor: officer, ...yearRange(year) });
    expect(rates.find((r) => r.unitId === squad.id)).toMatchObject({ found: 4, closed: 3, overdue: 1, rate: 0.75 });
  });
});

describe("black spots", () => {
  it("a cell with 3 injury/fatal accidents in 12 months is a candidate; property-only ones do not count; one click makes one hazard", async () => {
    const officer = await actorFor("zy-officer");
    const at = { lat: 27.0461, lng: 108.4165 };
    const recent = (d: number) => new Date(Date.now() - d * 86400_000).toISOString();
    for (const [i, injured] of [
      [1, 1],
      [2, 2],
      [3, 0],
    ] as const) {
      await createAccident({
        actor: officer,
        input: createAccidentSchema.parse({
          occurredAt: recent(10 * i),
          ...at,
          injured,
          roadName: "舞阳大道",
          externalRef: `BS-${i}`,
        }),
      });
    }
    const cell = latLngToCell(at.lat, at.lng, 8);
    let spots = await blackSpotCandidates({ actor: officer, input: blackSpotsSchema.parse({}) });
    expect(spots.find((s) => s.cell === cell)).toBeUndefined(); // only 2 injury accidents so far
    await createAccident({
      actor: officer,
      input: createAccidentSchema.parse({ occurredAt: recent(40), ...at, deaths: 1, externalRef: "BS-4" }),
    });
    await createAccident({
      actor: officer,
      input: createAccidentSchema.parse({ occurredAt: recent(400), ...at, injured: 1, externalRef: "BS-old" }),
    }); // older than 12 months
    spots = await blackSpotCandidates({ actor: officer, input: blackSpotsSchema.parse({}) });
    expect(spots.find((s) => s.cell === cell)).toMatchObject({
      accidents: 3,
      fatal: 1,
      deaths: 1,
      injured: 3,
      roads: ["舞阳大道"],
      openHazardId: null,
    });

    const commander = await actorFor("zy-commander");
    const results = await Promise.allSettled(
      [0, 1, 2].map(() => createBlackSpotHazard({ actor: commander, input: blackSpotHazardSchema.parse({ cell }) })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.hazard.count({ where: { blackSpotCell: cell } })).toBe(1);
    const h = await db.hazard.findFirstOrThrow({ where: { blackSpotCell: cell } });
    expect(h).toMatchObject({ source: "black_spot", status: "open", roadName: "舞阳大道" });
    spots = await blackSpotCandidates({ actor: officer, input: blackSpotsSchema.parse({}) });
    expect(spots.find((s) => s.cell === cell)?.openHazardId).toBe(h.id);

    // Yinjiang sees nothing of it, and cannot raise it.
    const yj = await actorFor("yj-commander");
    expect(
      (await blackSpotCandidates({ actor: yj, input: blackSpotsSchema.parse({}) })).find((s) => s.cell === cell),
    ).toBeUndefined();
    expect(
      await codeOf(
        createBlackSpotHazard({
          actor: yj,
          input: blackSpotHazardSchema.parse({ cell: latLngToCell(YINJIANG.lat, YINJIANG.lng, 8) }),
        }),
      ),
    ).toBe("NOT_FOUND");
  });
});

describe("operations", () => {
  it("are recorded per unit and counted per year by kind; the period must make sense", async () => {
    const commander = await actorFor("zy-commander");
    await createOperation({
      actor: commander,
      input: createOperationSchema.parse({
        name: "酒驾夜查",
        kind: "campaign",
        startsAt: "2024-05-03T20:00",
        endsAt: "2024-05-04T02:00",
      }),
    });
    await createOperation({
      actor: commander,
      input: createOperationSchema.parse({
        name: "高考护考",
        kind: "escort",
        startsAt: "2024-06-07T06:00",
        endsAt: "2024-06-09T18:00",
        unitCode: "522625-01",
      }),
    });
    expect(await countOperations({ actor: commander, year: 2024 })).toEqual({ campaign: 1, escort: 1 });
    expect(
      createOperationSchema.safeParse({
        name: "x",
        kind: "campaign",
        startsAt: "2024-05-04T00:00",
        endsAt: "2024-05-03T00:00",
      }).success,
    ).toBe(false);
    expect(
      await codeOf(
        createOperation({
          actor: await actorFor("zy-officer"),
          input: createOperationSchema.parse({
            name: "x",
            kind: "campaign",
            startsAt: "2024-05-04T00:00",
            endsAt: "2024-05-05T00:00",
          }),
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await countOperations({ actor: await actorFor("yj-commander"), year: 2024 })).toEqual({});
  });
});
