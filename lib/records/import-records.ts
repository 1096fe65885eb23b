import "server-only";
import type { Readable } from "node:stream";
import { pgPool } from "@/lib/db-pool";
import { parseRows, type ImportFormat } from "@/lib/import/parse-rows";
import { runImport, type ImportReport, type RowCheck } from "@/lib/import/run-import";
import { contentHashOf } from "./create-once";
import { placementErrors, type Placed } from "./import-rows";
import type { Location, Placer } from "./place-record";
import { stagedInsert, type StageSpec } from "./staged-insert";

/**
 * Rows per write. Each batch is one statement for the daily-rollup trigger, whose cost
 * follows the (unit, day) rows it touches, not the rows inserted: a year of history in
 * random order touches ~1,000 rollup rows per batch at 5,000 rows or at 20,000. At 20,000
 * a 300,000-row import took 25 s instead of 35 s (docs/performance.md#bulk-import).
 */
export const BATCH_SIZE = 20_000;

/** One valid row of a record import: its input, content hash and (given or derived) externalRef. */
export interface RecordRow<I> {
  line: number;
  input: I;
  externalRef: string;
  contentHash: string;
}

/** A validated row; without an externalRef it gets one from its content, so re-imports create nothing. */
export function recordRow<I extends { externalRef?: string | null }>(
  kind: string,
  line: number,
  input: I,
): RowCheck<RecordRow<I>> {
  const contentHash = contentHashOf(kind, input);
  return {
    ok: true,
    value: { line, input, contentHash, externalRef: input.externalRef ?? `auto-${contentHash.slice(0, 40)}` },
  };
}

/**
 * The import loop shared by violations and accidents: parse (CSV/NDJSON), validate each
 * row, place each batch (unit, grid; repeats inside the batch), write it set-based through
 * a staging table on one connection, and report every refused row by line.
 */
export async function importRecords<I extends Location>({
  body,
  format,
  batchSize,
  onProgress,
  validate,
  placer,
  spec,
}: {
  body: Readable;
  format: ImportFormat;
  batchSize?: number;
  onProgress?: (r: ImportReport) => void;
  validate: (record: Record<string, unknown>, line: number) => RowCheck<RecordRow<I>>;
  placer: Placer;
  spec: StageSpec<Placed<RecordRow<I>>>;
}): Promise<ImportReport> {
  const client = await pgPool().connect();
  try {
    const report = await runImport({
      rows: parseRows(body, format),
      validate,
      batchSize: batchSize ?? BATCH_SIZE,
      onProgress,
      overlap: true,
      writeBatch: async (rows) => {
        const { placed, errors, duplicates } = await placementErrors(placer, rows, (r) => ({
          line: r.line,
          loc: r.value.input,
          ref: r.value.externalRef,
          hash: r.value.contentHash,
        }));
        const res = await stagedInsert(client, spec, placed);
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
