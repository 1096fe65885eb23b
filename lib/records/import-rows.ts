import "server-only";
import type { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import type { ImportError } from "@/lib/import/run-import";
import type { Location, Placement, Placer } from "./place-record";
import { uuid7 } from "./uuid7";

export interface Placed<R> {
  row: R;
  place: Placement;
  /** Assigned before COPY (see staged-insert.ts). */
  id: string;
}

/** A row's zod issues as import errors (messages stay i18n keys until the edge). */
export function rowIssues(err: ZodError): { field: string; message: string }[] {
  return err.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
}

/**
 * Places each row of a batch (same placement as single records) and drops repeats of
 * one (unit, externalRef) inside the batch: the same content is a duplicate, different
 * content under the same reference a rejected row. Rows whose unit cannot be resolved
 * (out of scope, not a brigade or squad) are rejected with the reason.
 */
export async function placementErrors<R>(
  placer: Placer,
  rows: { line: number; value: R }[],
  key: (r: { line: number; value: R }) => { line: number; loc: Location; ref: string; hash: string },
): Promise<{ placed: Placed<R>[]; errors: ImportError[]; duplicates: number }> {
  const placed: Placed<R>[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, string>();
  let duplicates = 0;
  const now = Date.now();
  for (const r of rows) {
    const k = key(r);
    let place: Placement;
    try {
      place = await placer.place(k.loc);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      errors.push({
        line: k.line,
        field: err.fields?.[0]?.path ?? "unitCode",
        message: err.fields?.[0]?.message ?? err.message,
      });
      continue;
    }
    const dedupe = `${place.unitId}|${k.ref}`;
    const prior = seen.get(dedupe);
    if (prior !== undefined) {
      if (prior === k.hash) duplicates++;
      else errors.push({ line: k.line, field: "externalRef", message: "records.externalRefConflict" });
      continue;
    }
    seen.set(dedupe, k.hash);
    placed.push({ row: r.value, place, id: uuid7(now) });
  }
  return { placed, errors, duplicates };
}
