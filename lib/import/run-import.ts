/**
 * The generic import loop: validate each row with the domain's function, write valid
 * rows in batches with the domain's writer, and report exact counts and per-row errors.
 * Knows no domain; lib/<domain>/import-*.ts supplies validate() and writeBatch().
 */
import type { RawRow } from "./parse-rows";

export interface ImportError {
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  received: number;
  created: number;
  duplicates: number;
  rejected: number;
  errors: ImportError[];
  /** True when more errors happened than are listed. */
  errorsTruncated?: boolean;
}

export type RowCheck<V> = { ok: true; value: V } | { ok: false; errors: { field: string; message: string }[] };

export interface BatchResult {
  created: number;
  duplicates: number;
  /** Rows the database refused (e.g. same externalRef, different content). */
  errors?: ImportError[];
}

export interface ImportOptions<V, P = { line: number; value: V }[]> {
  rows: AsyncIterable<RawRow>;
  validate: (record: Record<string, unknown>, line: number) => RowCheck<V>;
  /**
   * Turns a batch of valid rows into what writeBatch takes (references resolved, rows
   * placed); with `overlap` it runs while the previous batch is still being written.
   */
  prepare?: (rows: { line: number; value: V }[]) => Promise<P>;
  writeBatch: (batch: P) => Promise<BatchResult>;
  batchSize?: number;
  maxListedErrors?: number;
  onProgress?: (r: ImportReport) => void;
  /**
   * Read and validate the next batch while the previous one is being written (one write
   * in flight at a time, so a writer holding one connection stays sequential). The
   * database and this process then work in parallel; counts are the same either way.
   */
  overlap?: boolean;
}

/**
 * Rows between two turns of the event loop. Reading, validating and preparing rows only
 * awaits promises already resolved (microtasks), which never let I/O callbacks run: the
 * batch being written by COPY meanwhile would get no data until the next batch was ready,
 * and the database would wait on us instead of working beside us.
 */
export const IO_EVERY = 256;
/** One turn of the event loop (pending socket writes and reads run). */
export const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runImport<V, P = { line: number; value: V }[]>(opts: ImportOptions<V, P>): Promise<ImportReport> {
  const batchSize = opts.batchSize ?? 5_000;
  const maxListed = opts.maxListedErrors ?? 1_000;
  const report: ImportReport = { received: 0, created: 0, duplicates: 0, rejected: 0, errors: [] };
  const addErrors = (errs: ImportError[]) => {
    for (const e of errs) {
      if (report.errors.length < maxListed) report.errors.push(e);
      else report.errorsTruncated = true;
    }
  };
  let batch: { line: number; value: V }[] = [];
  let inFlight: Promise<void> | null = null;
  // The first batches are small and grow to batchSize (an eighth, a quarter, a half…): the
  // database starts writing after a few thousand rows instead of waiting, idle, for the first
  // full batch to be read and prepared — on 200,000 rows that wait was an eighth of the import.
  let size = Math.max(1, Math.ceil(batchSize / 8));
  const flush = async () => {
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    size = Math.min(batchSize, size * 2);
    const ready = opts.prepare ? await opts.prepare(rows) : (rows as P);
    if (inFlight) await inFlight;
    const write = opts.writeBatch(ready).then((res) => {
      report.created += res.created;
      report.duplicates += res.duplicates;
      if (res.errors?.length) {
        report.rejected += res.errors.length;
        addErrors(res.errors);
      }
      opts.onProgress?.(report);
    });
    if (!opts.overlap) return write;
    inFlight = write;
    write.catch(() => {}); // surfaced when awaited at the next flush or at the end
  };

  for await (const row of opts.rows) {
    report.received++;
    if (report.received % IO_EVERY === 0) await yieldToIo();
    if (!row.record) {
      report.rejected++;
      addErrors([{ line: row.line, field: row.field ?? "", message: row.error ?? "unreadable row" }]);
      continue;
    }
    const check = opts.validate(row.record, row.line);
    if (!check.ok) {
      report.rejected++;
      addErrors(check.errors.map((e) => ({ line: row.line, ...e })));
      continue;
    }
    batch.push({ line: row.line, value: check.value });
    if (batch.length >= size) await flush();
  }
  await flush();
  if (inFlight) await inFlight;
  return report;
}

/** The per-row error report as CSV, for the "download errors" button. */
export function errorsToCsv(errors: ImportError[]): string {
  const q = (s: string | number) => `"${String(s).replace(/"/g, '""')}"`;
  return ["line,field,message", ...errors.map((e) => [e.line, q(e.field), q(e.message)].join(","))].join("\n") + "\n";
}
