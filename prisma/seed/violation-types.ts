import { VIOLATION_CATALOGUE } from "@/lib/violations/catalogue-data";
import type { SeedContext } from "./context";

/**
 * The violation catalogue. Reference data, needed in production too: it only adds the
 * types that are missing and never overwrites an administrator's edits, unless
 * --refresh-catalogue is given (then the shipped names, fines and points are restored).
 */
export async function seedViolationTypes({ db, log, args }: Pick<SeedContext, "db" | "log" | "args">) {
  const refresh = args.includes("--refresh-catalogue");
  const existing = new Set((await db.violationType.findMany({ select: { key: true } })).map((t) => t.key));
  let added = 0;
  for (const [i, entry] of VIOLATION_CATALOGUE.entries()) {
    const data = { ...entry, sortOrder: (i + 1) * 10 };
    if (!existing.has(entry.key)) {
      await db.violationType.create({ data });
      added++;
    } else if (refresh) {
      await db.violationType.update({ where: { key: entry.key }, data });
    }
  }
  log(`violation-types: ${VIOLATION_CATALOGUE.length} types (${added} new${refresh ? ", refreshed" : ""})`);
}
