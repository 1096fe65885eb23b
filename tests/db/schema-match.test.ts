/**
 * The hand-written SQL migrations must build exactly what prisma/schema describes:
 * every model has its table; every field its column with the right type and
 * nullability; every @id, @unique, @@unique and @@index its index; every relation its
 * foreign key with the declared onDelete; every enum its type and values. And no table
 * exists that the schema does not know. (prisma migrate diff would do this, but its
 * engine is a download this network cannot make.)
 */
import fs from "node:fs";
import path from "node:path";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SCHEMA_DIR = path.join(import.meta.dirname, "../../prisma/schema");

type DMMF = Awaited<ReturnType<typeof internals.getDMMF>>;
let dmmf: DMMF;
let client: pg.Client;

interface Column {
  table: string;
  column: string;
  udt: string;
  nullable: boolean;
  hasDefault: boolean;
}
let columns: Map<string, Column>;
let indexes: { table: string; columns: string[]; unique: boolean; primary: boolean }[];
let fks: { table: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string }[];
let enums: Map<string, string[]>;
let tables: string[];

beforeAll(async () => {
  const files = fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith(".prisma"))
    .map((f) => [f, fs.readFileSync(path.join(SCHEMA_DIR, f), "utf8")] as [string, string]);
  dmmf = await internals.getDMMF({ datamodel: files });
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();

  const cols = await client.query(`
    SELECT table_name, column_name, udt_name, is_nullable = 'YES' AS nullable, column_default IS NOT NULL AS has_default
      FROM information_schema.columns WHERE table_schema = current_schema()`);
  columns = new Map(
    cols.rows.map((r) => [
      `${r.table_name}.${r.column_name}`,
      { table: r.table_name, column: r.column_name, udt: r.udt_name, nullable: r.nullable, hasDefault: r.has_default },
    ]),
  );

  const idx = await client.query(`
    SELECT t.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
           array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index i
      JOIN pg_class t ON t.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
      JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE i.indpred IS NULL
     GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`);
  indexes = idx.rows;

  const fk = await client.query(`
    SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS ref_table, c.confdeltype AS del,
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
           (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS ref_columns
      FROM pg_constraint c
      JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = current_schema()
     WHERE c.contype = 'f'`);
  const del: Record<string, string> = { a: "NoAction", r: "Restrict", c: "Cascade", n: "SetNull", d: "SetDefault" };
  fks = fk.rows.map((r) => ({
    table: r.table.replace(/"/g, ""),
    refTable: r.ref_table.replace(/"/g, ""),
    columns: r.columns,
    refColumns: r.ref_columns,
    onDelete: del[r.del],
  }));

  const en = await client.query(`
    SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = current_schema()
     GROUP BY t.typname`);
  enums = new Map(en.rows.map((r) => [r.typname, r.labels]));

  const tb = await client.query(`
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition`);
  tables = tb.rows.map((r) => r.relname);
});

afterAll(async () => {
  await client?.end();
});

const model = (name: string) => dmmf.datamodel.models.find((m) => m.name === name)!;
const tableOf = (name: string) => model(name).dbName ?? name;
const colOf = (modelName: string, field: string) => {
  const f = model(modelName).fields.find((x) => x.name === field)!;
  return f.dbName ?? f.name;
};

function expectedUdt(f: DMMF["datamodel"]["models"][number]["fields"][number]): string {
  if (f.kind === "enum") {
    const e = dmmf.datamodel.enums.find((x) => x.name === f.type)!;
    return (f.isList ? "_" : "") + (e.dbName ?? e.name);
  }
  const native = (f.nativeType as [string, string[]] | null)?.[0];
  const base =
    native === "Uuid"
      ? "uuid"
      : native === "VarChar"
        ? "varchar"
        : native === "Timestamptz"
          ? "timestamptz"
          : native === "Date"
            ? "date"
            : native === "SmallInt"
              ? "int2"
              : native === "Real"
                ? "float4"
                : (
                    {
                      String: "text",
                      Int: "int4",
                      BigInt: "int8",
                      Float: "float8",
                      Boolean: "bool",
                      DateTime: "timestamp",
                      Json: "jsonb",
                      Decimal: "numeric",
                      Bytes: "bytea",
                    } as Record<string, string>
                  )[f.type];
  return (f.isList ? "_" : "") + base;
}

describe("migrations match prisma/schema", () => {
  it("has a table for every model and no table the schema does not know", () => {
    const modelTables = dmmf.datamodel.models.map((m) => m.dbName ?? m.name);
    for (const t of modelTables) expect(tables, `table ${t}`).toContain(t);
    const unknown = tables.filter((t) => !modelTables.includes(t) && t !== "_prisma_migrations");
    expect(unknown, "tables without a model").toEqual([]);
  });

  it("has every column with the right type, nullability and default", () => {
    const problems: string[] = [];
    for (const m of dmmf.datamodel.models) {
      const table = m.dbName ?? m.name;
      for (const f of m.fields) {
        if (f.kind === "object") continue;
        const col = columns.get(`${table}.${f.dbName ?? f.name}`);
        if (!col) {
          problems.push(`${m.name}.${f.name}: column ${table}.${f.dbName ?? f.name} missing`);
          continue;
        }
        const udt = expectedUdt(f);
        if (col.udt !== udt) problems.push(`${m.name}.${f.name}: type ${col.udt}, schema says ${udt}`);
        const required = f.isRequired || f.isList;
        if (required === col.nullable)
          problems.push(
            `${m.name}.${f.name}: ${col.nullable ? "nullable" : "NOT NULL"}, schema says ${required ? "required" : "optional"}`,
          );
        if (f.hasDefaultValue && !col.hasDefault)
          problems.push(`${m.name}.${f.name}: schema has a default, column has none`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has every enum with the same values", () => {
    for (const e of dmmf.datamodel.enums) {
      expect(enums.get(e.dbName ?? e.name), `enum ${e.name}`).toEqual(e.values.map((v) => v.dbName ?? v.name));
    }
  });

  it("has every primary key, unique and index", () => {
    const problems: string[] = [];
    for (const ix of dmmf.datamodel.indexes) {
      const table = tableOf(ix.model);
      const cols = ix.fields.map((f) => colOf(ix.model, f.name));
      const found = indexes.find(
        (i) =>
          i.table === table &&
          i.columns.join(",") === cols.join(",") &&
          (ix.type === "id" ? i.primary : ix.type === "unique" ? i.unique : true),
      );
      if (!found) problems.push(`${ix.model} ${ix.type} (${cols.join(", ")})`);
    }
    expect(problems).toEqual([]);
  });

  it("has a foreign key for every relation, with its onDelete", () => {
    const problems: string[] = [];
    for (const m of dmmf.datamodel.models) {
      for (const f of m.fields) {
        if (f.kind !== "object" || !f.relationFromFields?.length) continue;
        const table = m.dbName ?? m.name;
        const cols = f.relationFromFields.map((x) => colOf(m.name, x));
        const refTable = tableOf(f.type);
        const refCols = (f.relationToFields ?? []).map((x) => colOf(f.type, x));
        const fk = fks.find(
          (k) =>
            k.table === table &&
            k.columns.join(",") === cols.join(",") &&
            k.refTable === refTable &&
            k.refColumns.join(",") === refCols.join(","),
        );
        if (!fk) problems.push(`${m.name}.${f.name}: no foreign key ${table}(${cols}) → ${refTable}(${refCols})`);
        else if (fk.onDelete !== (f.relationOnDelete ?? (f.isRequired ? "Restrict" : "SetNull"))) {
          problems.push(
            `${m.name}.${f.name}: onDelete ${fk.onDelete}, schema says ${f.relationOnDelete ?? "(default)"}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
