import "server-only";
import { db } from "@/lib/db";

/** Violation type names for labelling statistics (a catalogue, not records: no scope applies). */
export async function violationTypeNames(): Promise<Map<string, { nameZh: string; nameEn: string }>> {
  const rows = await db.violationType.findMany({ select: { key: true, nameZh: true, nameEn: true } });
  return new Map(rows.map((r) => [r.key, { nameZh: r.nameZh, nameEn: r.nameEn }]));
}
