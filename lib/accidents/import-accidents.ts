import "server-only";
import type { Readable } from "node:stream";
import type { PoolClient } from "pg";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAuditPg } from "@/lib/audit/write-audit";
import { columnList, copyRows } from "@/lib/import/copy";
import type { ImportFormat } from "@/lib/import/parse-rows";
import type { ImportReport, RowCheck } from "@/lib/import/run-import";
import { rowIssues, type Placed } from "@/lib/records/import-rows";
import { importRecords, recordRow, type RecordRow } from "@/lib/records/import-records";
import { bulkPlacer } from "@/lib/records/place-record";
import { deriveSeverity } from "./rules";
import { createAccidentSchema, type CreateAccidentInput } from "./schemas";

type Row = RecordRow<CreateAccidentInput>;

const STAGE_COLUMNS: [string, string][] = [
  ["unit_id", "uuid"],
  ["unit_path", "text"],
  ["brigade_id", "uuid"],
  ["grid_id", "uuid"],
  ["beat_id", "uuid"],
  ["incident_id", "uuid"],
  ["occurred_at", "timestamptz"],
  ["lat", "float8"],
  ["lng", "float8"],
  ["address", "text"],
  ["road_name", "text"],
  ["road_type", "text"],
  ["weather", "text"],
  ["cause", "text"],
  ["deaths", "integer"],
  ["injured", "integer"],
  ["property_loss_yuan", "integer"],
  ["severity", "text"],
  ["major", "boolean"],
  ["hit_and_run", "boolean"],
  ["hit_and_run_solved", "boolean"],
  ["handling", "text"],
  ["rescue_fund_yuan", "integer"],
  ["recorded_by_id", "uuid"],
  ["recorded_by_token_id", "uuid"],
  ["external_ref", "text"],
  ["notes", "text"],
];
const PARTY_COLUMNS = ["accident_id", "plate", "vehicle_type", "name", "id_number", "role", "at_fault"];

/** Parties of the accidents this batch inserted (ids assigned before COPY tell them apart). */
async function insertParties(client: PoolClient, rows: Placed<Row>[]) {
  await client.query(
    `CREATE TEMP TABLE IF NOT EXISTS stage_accident_parties (accident_id uuid, plate text, vehicle_type text, name text, id_number text, role text, at_fault boolean) ON COMMIT DELETE ROWS`,
  );
  const parties = rows.flatMap((r) =>
    r.row.input.vehicles.map((p) => [r.id, p.plate, p.vehicleType, p.name, p.idNumber, p.role, p.atFault]),
  );
  if (!parties.length) return;
  await copyRows(client, "stage_accident_parties", PARTY_COLUMNS, parties);
  const cols = PARTY_COLUMNS.map((c) => `p."${c}"`).join(", ");
  await client.query(
    `INSERT INTO accident_parties (${columnList(PARTY_COLUMNS)}) SELECT ${cols} FROM stage_accident_parties p JOIN accidents a ON a.id = p.accident_id`,
  );
}

/**
 * Bulk import of accidents (CSV or NDJSON, API field names; vehicles as a JSON array or
 * "plate:type;plate:type" in CSV). Same validation and placement as POST /api/v1/accidents,
 * set-based writes, content-derived externalRef when none is given (re-imports create nothing).
 */
export async function importAccidents({
  actor,
  body,
  format,
  batchSize,
  onProgress,
}: {
  actor: Actor;
  body: Readable;
  format: ImportFormat;
  batchSize?: number;
  onProgress?: (r: ImportReport) => void;
}): Promise<ImportReport> {
  assertCan(actor, "records.import");
  assertCan(actor, "accident.create");
  const placer = await bulkPlacer(actor);

  const validate = (record: Record<string, unknown>, line: number): RowCheck<Row> => {
    const parsed = createAccidentSchema.safeParse(record);
    if (!parsed.success) return { ok: false, errors: rowIssues(parsed.error) };
    return recordRow("accident", line, parsed.data);
  };

  return importRecords({
    body,
    format,
    batchSize,
    onProgress,
    validate,
    placer,
    spec: {
      stage: "stage_accidents",
      stageColumns: STAGE_COLUMNS,
      line: (r) => r.row.line,
      id: (r) => r.id,
      contentHash: (r) => r.row.contentHash,
      values: ({ row: { input: a, externalRef }, place: p }) => {
        const { severity, major } = deriveSeverity(a.deaths, a.injured);
        return [
          p.unitId,
          p.unitPath,
          p.brigadeId,
          p.gridId,
          p.beatId,
          p.incidentId,
          a.occurredAt,
          a.lat,
          a.lng,
          a.address,
          a.roadName,
          a.roadType,
          a.weather,
          a.cause,
          a.deaths,
          a.injured,
          a.propertyLossYuan,
          severity,
          major,
          a.hitAndRun,
          a.hitAndRunSolved,
          a.handling,
          a.rescueFundYuan,
          actor.userId,
          actor.tokenId,
          externalRef,
          a.notes,
        ];
      },
      afterInsert: insertParties,
      target: "accidents",
      audit: (c, info) => writeAuditPg(c, actor, { action: "accident.import", entity: "accident", after: info }),
    },
  });
}
