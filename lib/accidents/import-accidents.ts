import "server-only";
import { assertCan, type Actor } from "@/lib/auth/actor";
import type { ImportReport } from "@/lib/import/run-import";
import { bulkPlacer, contentHashOf, importRecords, rowIssues, type ImportSource } from "@/lib/records/kernel";
import { accidentData, partyData, writeParties } from "./accident-data";
import { createAccidentSchema } from "./schemas";

/**
 * Bulk import of accidents (CSV or NDJSON, API field names; vehicles as a JSON array or
 * "plate:type;plate:type" in CSV). Same validation, placement and stored rows as POST
 * /api/v1/accidents, written by the kernel's bulk writer; content-derived externalRef when
 * none is given (re-imports create nothing).
 */
export async function importAccidents({ actor, ...source }: { actor: Actor } & ImportSource): Promise<ImportReport> {
  assertCan(actor, "records.import");
  assertCan(actor, "accident.create");
  const placer = await bulkPlacer(actor);

  return importRecords(
    {
      actor,
      entity: "accident",
      validate: (record) => {
        const parsed = createAccidentSchema.safeParse(record);
        return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: rowIssues(parsed.error) };
      },
      contentHash: (input) => contentHashOf("accident", input),
      prepare: async (input) => ({ value: null, place: await placer.place(input) }),
      table: "accidents",
      row: ({ input, place }) => accidentData({ actor, input, place }),
      afterInsert: (client, rows) =>
        writeParties(
          client,
          rows.flatMap((r) => r.input.vehicles.map((p) => partyData(r.id, p))),
        ),
    },
    source,
  );
}
