/** Bulk import of accidents: derived severity, parties written with their accident, exact counts, re-import creates nothing. */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importAccidents } from "@/lib/accidents/import-accidents";
import { actorFor } from "../setup/actors";

const HEADER = "occurredAt,lat,lng,deaths,injured,propertyLossYuan,hitAndRun,hitAndRunSolved,vehicles,externalRef";
const ref = `ACC-${Date.now()}`;
const FILE =
  [
    HEADER,
    `2026-03-01 07:30,27.05,108.43,1,2,5000,false,false,宁A10001:small_car;宁A10002:heavy_truck,${ref}-1`, // 2: fatal, two parties
    `2026-03-01 09:00,27.05,108.43,0,0,800,false,false,宁A10003:motorcycle,`, // 3: property only, derived ref
    `2026-03-01 10:00,27.05,108.43,3,0,0,true,true,"[{""plate"":""宁A10004"",""vehicleType"":""coach""}]",${ref}-3`, // 4: major, JSON parties
    `2026-03-01 11:00,27.05,108.43,-1,0,0,false,false,,`, // 5: negative deaths
    `2026-03-01 12:00,27.05,108.43,0,1,0,false,true,,`, // 6: solved without hit-and-run
    `2026-03-01 13:00,27.05,108.43,0,1,0,false,false,[oops,`, // 7: vehicles neither JSON nor plate:type
  ].join("\n") + "\n";

const run = async () =>
  importAccidents({
    actor: await actorFor("zy-commander"),
    body: Readable.from([Buffer.from(FILE)]),
    format: "csv",
    batchSize: 2,
  });

describe("importing accidents", () => {
  it("writes the good rows with their parties and derived severity, and lists every bad one", async () => {
    const before = await db.accident.count();
    const report = await run();
    expect(report).toMatchObject({ received: 6, created: 3, duplicates: 0, rejected: 3 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [5, "deaths"],
      [6, "hitAndRunSolved"],
      [7, "vehicles"],
    ]);
    expect(await db.accident.count()).toBe(before + 3);

    const fatal = await db.accident.findFirstOrThrow({
      where: { externalRef: `${ref}-1` },
      include: { parties: { orderBy: { plate: "asc" } } },
    });
    expect(fatal).toMatchObject({ severity: "fatal", major: false, deaths: 1, injured: 2 });
    expect(fatal.parties.map((p) => [p.plate, p.vehicleType])).toEqual([
      ["宁A10001", "small_car"],
      ["宁A10002", "heavy_truck"],
    ]);
    const major = await db.accident.findFirstOrThrow({
      where: { externalRef: `${ref}-3` },
      include: { parties: true },
    });
    expect(major).toMatchObject({ severity: "fatal", major: true, hitAndRun: true, hitAndRunSolved: true });
    expect(major.parties.map((p) => p.plate)).toEqual(["宁A10004"]);
    const property = await db.accidentParty.findFirstOrThrow({
      where: { plate: "宁A10003" },
      include: { accident: true },
    });
    expect(property.accident).toMatchObject({ severity: "property", major: false });
    expect(property.accident.externalRef).toMatch(/^auto-[0-9a-f]{40}$/);
    expect(await db.auditLog.count({ where: { action: "accident.import" } })).toBeGreaterThan(0);
  });

  it("importing the same file again creates no accident and no party", async () => {
    const [accidents, parties] = await Promise.all([db.accident.count(), db.accidentParty.count()]);
    const report = await run();
    expect(report).toMatchObject({ received: 6, created: 0, duplicates: 3, rejected: 3 });
    expect(await db.accident.count()).toBe(accidents);
    expect(await db.accidentParty.count()).toBe(parties);
  });
});
