/**
 * The import's binary COPY (lib/import/copy-binary.ts) stores exactly what the CSV COPY
 * (lib/import/copy.ts) stores, for every column type it encodes, awkward values included.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PoolClient } from "pg";
import { pgPool } from "@/lib/db-pool";
import { copyCsvLine, copyLines } from "@/lib/import/copy";
import { BinaryRows, columnTypes, CopyValueError, copyTuples, withFirstInt } from "@/lib/import/copy-binary";

const COLUMNS = ["u", "t", "v", "ts", "d", "b", "i2", "i4", "i8", "f4", "f8", "jb", "j"];
const DDL = `(u uuid, t text COLLATE "C", v varchar(300), ts timestamptz(3), d date, b boolean, i2 smallint, i4 integer,
  i8 bigint, f4 real, f8 double precision, jb jsonb, j json)`;

const ROWS: unknown[][] = [
  [
    "0190b8c2-7f3e-7a11-8c2d-0123456789ab",
    '贵H·12345, "quoted"\nnext line\t😀',
    "plain",
    new Date("2026-12-05T04:20:00.123Z"),
    new Date("2026-11-20T00:00:00Z"),
    true,
    -32768,
    2147483647,
    9007199254740991,
    1.5,
    26.123456789012,
    { type: { speeding: 3 }, '引号"': "x" },
    { a: [1, 2] },
  ],
  [
    "0190B8C2-7F3E-7A11-8C2D-0123456789AB",
    "",
    "x".repeat(300),
    new Date("1990-01-01T00:00:00+08:00"), // before PostgreSQL's 2000 epoch
    "1999-12-31",
    false,
    0,
    -1,
    BigInt("-9223372036854775808"),
    -0.25,
    -108.999999,
    '{"already":"json"}',
    "[]",
  ],
  [null, null, null, null, null, null, null, null, null, null, null, null, null],
  [undefined, "a\\b", "é", new Date(0), new Date("2100-01-01T00:00:00Z"), true, 1, 0, -5_000_000_000, 0, 0, {}, null],
];

let client: PoolClient;
beforeAll(async () => {
  client = await pgPool().connect();
  await client.query(`CREATE TEMP TABLE bin_a ${DDL}`);
  await client.query(`CREATE TEMP TABLE bin_b ${DDL}`);
  await client.query(`CREATE TEMP TABLE bin_line (line integer, u uuid, t text)`);
});
afterAll(() => client.release());

const dump = async (table: string) =>
  (await client.query<{ r: string }>(`SELECT row_to_json(x)::text AS r FROM ${table} x ORDER BY r`)).rows.map(
    (x) => x.r,
  );

describe("binary COPY", () => {
  it("stores what CSV COPY stores, for every type it encodes", async () => {
    const types = await columnTypes(client, "bin_a");
    const rows = new BinaryRows(types, COLUMNS);
    await copyTuples(
      client,
      "bin_a",
      COLUMNS,
      ROWS.map((r) => rows.add(r)),
    );
    await copyLines(client, "bin_b", COLUMNS, ROWS.map(copyCsvLine));
    const a = await dump("bin_a");
    expect(a).toHaveLength(ROWS.length);
    expect(a).toEqual(await dump("bin_b"));
    const [first] = (await client.query(`SELECT * FROM bin_a WHERE b AND i2 = -32768`)).rows;
    expect(first).toMatchObject({
      u: "0190b8c2-7f3e-7a11-8c2d-0123456789ab",
      t: '贵H·12345, "quoted"\nnext line\t😀',
      ts: new Date("2026-12-05T04:20:00.123Z"),
      i8: "9007199254740991",
      jb: { type: { speeding: 3 }, '引号"': "x" },
    });
  });

  it("keeps every tuple whole across its chunks (rows beyond 1 MB, a row larger than a chunk)", async () => {
    await client.query(`TRUNCATE bin_a`);
    const rows = new BinaryRows(await columnTypes(client, "bin_a"), ["i4", "t"]);
    const big = "长".repeat(400_000); // 1.2 MB of UTF-8
    const values = Array.from({ length: 5000 }, (_, i) => [i, i === 2500 ? big : `row ${i} ${"·".repeat(i % 200)}`]);
    await copyTuples(
      client,
      "bin_a",
      ["i4", "t"],
      values.map((v) => rows.add(v)),
    );
    const stored = await client.query<{ i4: number; t: string }>(`SELECT i4, t FROM bin_a ORDER BY i4`);
    expect(stored.rows).toEqual(values.map(([i4, t]) => ({ i4, t })));
  });

  it("puts a line number (or NULL) first for the staged path", async () => {
    const rows = new BinaryRows(await columnTypes(client, "bin_line"), ["u", "t"]);
    const a = rows.add(["0190b8c2-7f3e-7a11-8c2d-0123456789ab", "one"]);
    const b = rows.add([null, "two"]);
    await copyTuples(client, "bin_line", ["line", "u", "t"], [withFirstInt(a, 7), withFirstInt(b, undefined)]);
    expect((await client.query(`SELECT * FROM bin_line ORDER BY t`)).rows).toEqual([
      { line: 7, u: "0190b8c2-7f3e-7a11-8c2d-0123456789ab", t: "one" },
      { line: null, u: null, t: "two" },
    ]);
  });

  it("refuses what it cannot encode instead of sending it", async () => {
    const types = await columnTypes(client, "bin_a");
    expect(() => new BinaryRows(types, ["nope"])).toThrow(/no column nope/);
    expect(() => new BinaryRows(new Map([["n", "numeric"]]), ["n"])).toThrow(/no encoder for column n of type numeric/);
    const rows = new BinaryRows(types, ["u", "ts", "i4"]);
    const refusal = (values: unknown[]) => {
      try {
        rows.add(values);
      } catch (err) {
        return err instanceof CopyValueError ? [err.column, err.key] : String(err);
      }
    };
    expect(refusal(["not-a-uuid", null, null])).toEqual(["u", "records.db.badValue"]);
    expect(refusal([null, "2026-12-05", null])).toEqual(["ts", "records.db.badDate"]);
    expect(refusal([null, null, 2 ** 31])).toEqual(["i4", "records.db.outOfRange"]);
    // Nothing of a refused row is left: the next row's tuple is whole.
    await client.query(`TRUNCATE bin_a`);
    const ok = rows.add(["0190b8c2-7f3e-7a11-8c2d-0123456789ab", new Date(0), 5]);
    await copyTuples(client, "bin_a", ["u", "ts", "i4"], [ok]);
    expect((await client.query(`SELECT u, ts, i4 FROM bin_a`)).rows).toEqual([
      { u: "0190b8c2-7f3e-7a11-8c2d-0123456789ab", ts: new Date(0), i4: 5 },
    ]);
  });
});
