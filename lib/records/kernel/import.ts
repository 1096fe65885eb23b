import "server-only";
import type { Readable } from "node:stream";
import type { PoolClient } from "pg";
import type { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { writeAuditPg } from "@/lib/audit/write-audit";
import { pgPool } from "@/lib/db-pool";
import { AppError } from "@/lib/errors";
import { BinaryRows, columnTypes, CopyValueError } from "@/lib/import/copy-binary";
import { parseRows, type ImportFormat } from "@/lib/import/parse-rows";
import {
  IO_EVERY,
  runImport,
  yieldToIo,
  type ImportError,
  type ImportReport,
  type RowCheck,
} from "@/lib/import/run-import";
import { bulkWrite, type BulkAudit } from "./bulk-writer";
import type { Placement } from "./placement";
import { uuid7 } from "./uuid7";

/**
 * Rows per write. Each batch is one statement for the daily-rollup trigger, whose cost
 * follows the (unit, day) rows it touches, not the rows inserted: a year of history in
 * random order touches ~1,000 rollup rows per batch at 5,000 rows or at 20,000. At 20,000
 * a 300,000-row import took 25 s instead of 35 s (docs/performance.md#bulk-import).
 */
export const BATCH_SIZE = 20_000;

/** A row ready to store: its input, what was derived from it, where it belongs, its keys. */
export interface ImportedRow<I, V> {
  line: number;
  input: I;
  /** What `prepare` derived (resolved references, defaults). */
  value: V;
  place: Placement;
  /** Assigned before COPY (see bulk-writer.ts). */
  id: string;
  externalRef: string;
  contentHash: string;
}

/** A row's zod issues as import errors (messages stay i18n keys until the edge). */
export function rowIssues(err: ZodError): { field: string; message: string }[] {
  return err.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
}

/** What a record kind brings to an import; the kernel does the rest. */
export interface RecordImport<I extends { externalRef?: string | null }, V> {
  actor: Actor;
  /** Audit entity of the batch rows; their action is `action`, by default "<entity>.import". */
  entity: string;
  action?: string;
  /** Schema and the kind's rules, the same as its create path applies (sync, per row). */
  validate: (record: Record<string, unknown>) => RowCheck<I>;
  /** What a replay is compared by; rows without an externalRef get "auto-" + this. */
  contentHash: (input: I) => string;
  /**
   * References resolved and placement, as the create path does (from data loaded once);
   * an AppError refuses the row with its field message.
   */
  prepare: (input: I) => Promise<{ value: V; place: Placement }>;
  table: string;
  /**
   * The stored row, as the create path builds it (Prisma field names; every field given, no
   * `undefined`): written as the table's snake_case columns, plus id, content_hash and external_ref.
   */
  row: (row: ImportedRow<I, V>) => Record<string, unknown>;
  /** Children of the rows a batch inserted (join on the parent's id). */
  afterInsert?: (client: PoolClient, rows: ImportedRow<I, V>[]) => Promise<void>;
}

/** What an import reads: the file, its format, and how to batch and report progress. */
export interface ImportSource {
  body: Readable;
  format: ImportFormat;
  batchSize?: number;
  onProgress?: (r: ImportReport) => void;
}

/**
 * The import loop every record kind shares: parse (CSV/NDJSON), validate each row with the
 * kind's schema and rules, resolve and place it as a single create would, drop repeats of
 * one (unit, externalRef) inside a batch (same content: a duplicate; different: refused),
 * write each batch with the bulk writer on one connection, one audit row per batch, and
 * report every refused row by line. Rows without an externalRef get one derived from their
 * content, so importing the same file twice creates nothing the second time.
 */
export async function importRecords<I extends { externalRef?: string | null }, V>(
  kind: RecordImport<I, V>,
  { body, format, batchSize, onProgress }: ImportSource,
): Promise<ImportReport> {
  const validate = (record: Record<string, unknown>, line: number): RowCheck<{ line: number; input: I }> => {
    const check = kind.validate(record);
    return check.ok ? { ok: true, value: { line, input: check.value } } : check;
  };
  const audit = (c: PoolClient, info: BulkAudit) =>
    writeAuditPg(c, kind.actor, { action: kind.action ?? `${kind.entity}.import`, entity: kind.entity, after: info });
  const client = await pgPool().connect();
  try {
    const types = await columnTypes(client, kind.table);
    const report = await runImport({
      rows: parseRows(body, format),
      validate,
      batchSize: batchSize ?? BATCH_SIZE,
      onProgress,
      overlap: true,
      prepare: (rows) => prepareBatch(kind, types, rows),
      writeBatch: async ({ ready: rows, columns, errors, duplicates }) => {
        const res = await bulkWrite(
          client,
          {
            table: kind.table,
            columns,
            binary: (r) => r.tuple,
            line: (r) => r.line,
            afterInsert:
              kind.afterInsert &&
              ((c, batch) =>
                kind.afterInsert!(
                  c,
                  batch.map((r) => r.row!),
                )),
            audit,
          },
          rows,
        );
        return { created: res.created, duplicates: duplicates + res.duplicates, errors: [...errors, ...res.errors] };
      },
    });
    // Rows refused while writing are found after later rows failed validation: list by line.
    report.errors.sort((a, b) => a.line - b.line);
    return report;
  } finally {
    client.release();
  }
}

/** A Prisma field name as its column: recordedByTokenId → recorded_by_token_id. */
export const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A prepared row as a batch holds it until written: its binary COPY tuple (a view into the
 * batch's shared chunks), its line in the file, and the whole row only when the kind writes
 * children of it (`afterInsert`). Everything else a row was made from is garbage as soon as
 * it is encoded, not held for the batch.
 */
interface PreparedRow<I, V> {
  line: number;
  tuple: Buffer;
  row?: ImportedRow<I, V>;
}

/** Prepares, places and encodes each row of a batch, keeping the first of each (unit, externalRef). */
async function prepareBatch<I extends { externalRef?: string | null }, V>(
  kind: RecordImport<I, V>,
  /** The table's column types (columnTypes). */
  types: Map<string, string>,
  rows: { line: number; value: { line: number; input: I } }[],
): Promise<{
  ready: PreparedRow<I, V>[];
  /** The columns of every row's tuple: id, content_hash, external_ref, then the kind's row's fields. */
  columns: string[];
  errors: ImportError[];
  duplicates: number;
}> {
  const ready: PreparedRow<I, V>[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, string>();
  let duplicates = 0;
  let fields: string[] | null = null;
  let columns: string[] = [];
  let tuples: BinaryRows | null = null;
  // One array for every row's values, filled in place (encoded at once, never kept).
  let values: unknown[] = [];
  const now = Date.now();
  for (let i = 0; i < rows.length; i++) {
    if (i % IO_EVERY === IO_EVERY - 1) await yieldToIo();
    const { line, value: r } = rows[i];
    let prepared: { value: V; place: Placement };
    try {
      prepared = await kind.prepare(r.input);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push({
        line,
        field: err.fields?.[0]?.path ?? "unitCode",
        message: err.fields?.[0]?.message ?? err.message,
      });
      continue;
    }
    const contentHash = kind.contentHash(r.input);
    const externalRef = r.input.externalRef ?? `auto-${contentHash.slice(0, 40)}`;
    const dedupe = `${prepared.place.unitId}|${externalRef}`;
    const prior = seen.get(dedupe);
    if (prior !== undefined) {
      if (prior === contentHash) duplicates++;
      else errors.push({ line, field: "externalRef", message: "records.externalRefConflict" });
      continue;
    }
    seen.set(dedupe, contentHash);
    const row: ImportedRow<I, V> = {
      line,
      input: r.input,
      value: prepared.value,
      place: prepared.place,
      id: uuid7(now),
      externalRef,
      contentHash,
    };
    const data = kind.row(row);
    // Every row of a kind has the same fields (the kind's row function builds them all).
    if (!fields || !tuples) {
      fields = Object.keys(data);
      columns = ["id", "content_hash", "external_ref", ...fields.map(snakeCase)];
      tuples = new BinaryRows(types, columns);
      values = new Array(columns.length);
    }
    values[0] = row.id;
    values[1] = contentHash;
    values[2] = externalRef;
    for (let f = 0; f < fields.length; f++) values[3 + f] = data[fields[f]];
    let tuple: Buffer;
    try {
      tuple = tuples.add(values);
    } catch (err) {
      // What the database would have refused, refused here (validation should have caught it).
      if (!(err instanceof CopyValueError)) throw err;
      errors.push({ line, field: err.column, message: err.key });
      continue;
    }
    ready.push({ line, tuple, row: kind.afterInsert ? row : undefined });
  }
  return { ready, columns, errors, duplicates };
}
