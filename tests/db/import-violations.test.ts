/** Bulk import of violations: exact counts, listed errors, nothing partial, re-import creates nothing. */
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pgPool } from "@/lib/db-pool";
import { bulkWrite, uuid7 } from "@/lib/records/kernel";
import { importViolations } from "@/lib/violations/import-violations";
import { actorFor } from "../setup/actors";
import { codeOf, ensureCatalogue, idCard } from "../setup/records";

beforeAll(ensureCatalogue);

const HEADER =
  "occurredAt,lat,lng,plate,plateColor,vehicleType,type,source,fineYuan,points,driverIdNumber,unitCode,externalRef";
const GOOD = [
  "2026-02-01T08:00:00+08:00,27.05,108.43,贵H20001,blue,small_car,illegal_parking,camera,100,,,,CAM-1", // line 2
  "2026-02-01 08:05,27.05,108.43,贵H20002,blue,small_car,speeding_20_50,camera,200,6,,,", // 3: no externalRef
  `2026-02-01 08:06,,,贵HD12345,green,small_car,red_light,onsite,200,6,${idCard()},522625-02,PDA-9`, // 4: squad by code
];
const BAD = [
  "2026-02-01 08:07,27.05,108.43,贵H2000,blue,small_car,illegal_parking,camera,,,,,", // 5: plate
  "2099-01-01 08:00,27.05,108.43,贵H20003,blue,small_car,illegal_parking,camera,,,,,", // 6: future
  "2026-02-01 08:08,27.05,108.43,贵H20004,blue,small_car,no_such_type,camera,,,,,", // 7: type
  "2026-02-01 08:09,27.05,108.43,贵H20005,blue,small_car,illegal_parking,camera,5000,,,,", // 8: fine range
  "2026-02-01 08:10,27.05,108.43,only,three", // 9: wrong column count
  "2026-02-01T08:00:00+08:00,27.05,108.43,贵H20001,blue,small_car,illegal_parking,camera,100,,,,CAM-1", // 10: duplicate of line 2
  "2026-02-01T08:00:00+08:00,27.05,108.43,贵H99999,blue,small_car,illegal_parking,camera,100,,,,CAM-1", // 11: CAM-1, other content
  "2026-02-01 08:11,27.99,108.41,贵D20006,blue,small_car,illegal_parking,camera,,,,520626,", // 12: unit out of scope
  "2026-02-01 08:12,27.05,108.43,贵H20007,blue,small_car,illegal_parking,camera,,,123456789012345678,,", // 13: ID checksum
];
const FILE = [HEADER, ...GOOD, ...BAD].join("\n") + "\n";

const run = async (username: string, text: string, format: "csv" | "ndjson" = "csv") =>
  importViolations({ actor: await actorFor(username), body: Readable.from([Buffer.from(text)]), format, batchSize: 4 });

describe("importing violations", () => {
  it("writes the good rows, lists every bad one, and counts exactly", async () => {
    const before = await db.violation.count();
    const report = await run("zy-commander", FILE);
    expect(report).toMatchObject({ received: 12, created: 3, duplicates: 1, rejected: 8 });
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [5, "plate"],
      [6, "occurredAt"],
      [7, "type"],
      [8, "fineYuan"],
      [9, ""],
      [11, "externalRef"],
      [12, "unitCode"],
      [13, "driverIdNumber"],
    ]);
    expect(await db.violation.count()).toBe(before + 3);
    const squad = await db.violation.findFirstOrThrow({ where: { externalRef: "PDA-9" } });
    expect(squad.unitPath).toBe("/520000/522600/522625/522625-02/");
    const auto = await db.violation.findFirstOrThrow({ where: { plate: "贵H20002" } });
    expect(auto.externalRef).toMatch(/^auto-[0-9a-f]{40}$/);
    // One audit row per batch that wrote something.
    expect(await db.auditLog.count({ where: { action: "violation.import" } })).toBeGreaterThan(0);
  });

  it("importing the same file again creates nothing", async () => {
    const before = await db.violation.count();
    const report = await run("zy-commander", FILE);
    expect(report).toMatchObject({ received: 12, created: 0, duplicates: 4, rejected: 8 });
    expect(await db.violation.count()).toBe(before);
  });

  it("accepts NDJSON with the same field names", async () => {
    const lines = [
      {
        occurredAt: "2026-02-02T09:00:00+08:00",
        lat: 27.05,
        lng: 108.43,
        plate: "贵H30001",
        type: "no_helmet",
        vehicleType: "motorcycle",
        fineYuan: 50,
        points: 1,
        externalRef: "N-1",
      },
      {
        occurredAt: "2026-02-02T09:01:00+08:00",
        type: "drunk_driving",
        plate: "贵H30002",
        licenceSeized: true,
        points: 12,
        externalRef: "N-2",
      },
      { occurredAt: "2026-02-02T09:02:00+08:00", type: "illegal_parking", plate: "bad" },
      "not json",
    ].map((l) => (typeof l === "string" ? l : JSON.stringify(l)));
    const report = await run("zy-commander", lines.join("\n"), "ndjson");
    expect(report).toMatchObject({ received: 4, created: 2, duplicates: 0, rejected: 2 });
    expect((await db.violation.findFirstOrThrow({ where: { externalRef: "N-2" } })).licenceSeized).toBe(true);
  });

  it("an auxiliary may not import; an import without the penalize permission rejects penalty rows", async () => {
    expect(await codeOf(run("zy-aux", FILE))).toBe("FORBIDDEN");
    expect(await codeOf(run("zy-officer", FILE))).toBe("FORBIDDEN"); // officers record, commanders import
  });

  /** Writes rows straight through the kernel's bulk writer into violations under Zhenyuan. */
  const stageDirect = async (
    rows: { n: number; id: string; detention: number; hash?: string; ref?: string }[],
    prefix: string,
  ) => {
    const unit = await db.unit.findUniqueOrThrow({ where: { code: "522625" } });
    const client = await pgPool().connect();
    try {
      return await bulkWrite(
        client,
        {
          table: "violations",
          columns: [
            "id",
            "content_hash",
            "unit_id",
            "unit_path",
            "brigade_id",
            "occurred_at",
            "type_key",
            "source",
            "detention_days",
            "external_ref",
          ],
          values: (r) => [
            r.id,
            r.hash ?? "h",
            unit.id,
            unit.path,
            unit.id,
            "2026-02-03T08:00:00+08:00",
            "other",
            "onsite",
            r.detention,
            `${prefix}-${r.ref ?? r.n}`,
          ],
          line: (r) => r.n,
        },
        rows,
      );
    } finally {
      client.release();
    }
  };

  it("a row only the database refuses is isolated; the rest of its batch is written, nothing half-written", async () => {
    const rows = [1, 2, 3, 4, 5].map((n) => ({ n, id: uuid7(), detention: n === 3 ? 99 : 0 })); // 99 breaks violations_penalty_check
    const res = await stageDirect(rows, "BISECT");
    expect(res.created).toBe(4);
    expect(res.errors).toHaveLength(1);
    expect(res.errors[0]).toMatchObject({ line: 3 });
    // Its kind and the rule that refused it, never PostgreSQL's text (which quotes the row's values).
    expect(res.errors[0]).toMatchObject({ field: "violations_penalty_check", message: "records.db.constraint" });
    expect(await db.violation.count({ where: { externalRef: { startsWith: "BISECT-" } } })).toBe(4);
  });

  it("a reference stored before the COPY (a concurrent writer, a re-import) sends the batch through the staged path: no row lost or doubled", async () => {
    // Two rows of one batch under one reference stand for a concurrent writer: the unique
    // index refuses the straight COPY, the staged path writes one.
    const same = await stageDirect(
      [
        { n: 1, id: uuid7(), detention: 0 },
        { n: 2, id: uuid7(), detention: 0, ref: "1" },
      ],
      "RACE",
    );
    expect(same).toMatchObject({ created: 1, duplicates: 1, errors: [] });
    // A batch meeting a stored reference: its COPY is refused at that row, the staged path writes the rest.
    const other = await stageDirect(
      [
        { n: 3, id: uuid7(), detention: 0 },
        { n: 1, id: uuid7(), detention: 0, hash: "other" },
      ],
      "RACE",
    );
    expect(other).toMatchObject({ created: 1, duplicates: 0 });
    expect(other.errors).toEqual([{ line: 1, field: "externalRef", message: "records.externalRefConflict" }]);
    expect(await db.violation.count({ where: { externalRef: { startsWith: "RACE-" } } })).toBe(2);
  });

  it("two imports of the same file at once create each row exactly once", async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) =>
        `2026-02-04T08:${String(i).padStart(2, "0")}:00+08:00,27.05,108.43,贵H4${String(i).padStart(4, "0")},blue,small_car,illegal_parking,camera,100,,,,CONC-${i}`,
    );
    const file = [HEADER, ...rows].join("\n") + "\n";
    const actor = await actorFor("zy-commander");
    const go = () =>
      importViolations({ actor, body: Readable.from([Buffer.from(file)]), format: "csv", batchSize: 25 });
    const [a, b] = await Promise.all([go(), go()]);
    expect(a.created + b.created).toBe(60);
    expect(a.duplicates + b.duplicates).toBe(60);
    expect(a.rejected + b.rejected).toBe(0);
    expect(await db.violation.count({ where: { externalRef: { startsWith: "CONC-" } } })).toBe(60);
  });

  it("imported rows are counted in the daily rollups, whichever path wrote them", async () => {
    const brigade = await db.unit.findUniqueOrThrow({ where: { code: "522625" } });
    const [{ raw, rolled }] = await db.$queryRaw<{ raw: number; rolled: number }[]>`
      SELECT (SELECT count(*)::int FROM violations WHERE unit_path LIKE ${brigade.path} || '%' AND status <> 'revoked') AS raw,
             (SELECT coalesce(sum(total), 0)::int FROM violation_daily WHERE unit_id = ${brigade.id}::uuid) AS rolled`;
    expect(raw).toBeGreaterThan(0);
    expect(rolled).toBe(raw);
  });
});
