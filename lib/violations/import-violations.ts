import "server-only";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { assertCan, can, type Actor, underPath } from "@/lib/auth/actor";
import { writeAuditPg } from "@/lib/audit/write-audit";
import type { ImportFormat } from "@/lib/import/parse-rows";
import type { ImportReport, RowCheck } from "@/lib/import/run-import";
import { rowIssues } from "@/lib/records/import-rows";
import { importRecords, recordRow, type RecordRow } from "@/lib/records/import-records";
import { bulkPlacer } from "@/lib/records/place-record";
import { recordingIssues } from "./rules";
import { createViolationSchema, type CreateViolationInput } from "./schemas";

type Row = RecordRow<CreateViolationInput>;

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
  ["plate", "text"],
  ["plate_color", "text"],
  ["vehicle_type", "text"],
  ["type_key", "text"],
  ["serious", "boolean"],
  ["source", "text"],
  ["recorded_by_id", "uuid"],
  ["recorded_by_token_id", "uuid"],
  ["operation_id", "uuid"],
  ["driver_name", "text"],
  ["driver_id_number", "text"],
  ["licence_number", "text"],
  ["fine_yuan", "integer"],
  ["points", "integer"],
  ["licence_seized", "boolean"],
  ["detention_days", "integer"],
  ["external_ref", "text"],
  ["notes", "text"],
];

/**
 * Bulk import of violations (CSV with a header row of API field names, or NDJSON).
 * Each row is validated like POST /api/v1/violations (same schema, same catalogue and
 * penalty rules, same placement), then written in batches by set-based statements.
 * Rows without an externalRef get one derived from their content ("auto-" + hash), so
 * importing the same file twice creates nothing the second time.
 */
export async function importViolations({
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
  assertCan(actor, "violation.create");
  const canPenalize = can(actor, "violation.penalize");
  const [types, ops, placer] = await Promise.all([
    db.violationType.findMany().then((list) => new Map(list.map((t) => [t.key, t]))),
    db.operation
      .findMany({ where: { unitPath: underPath(actor.unitPath) }, select: { id: true } })
      .then((list) => new Set(list.map((o) => o.id))),
    bulkPlacer(actor),
  ]);

  const validate = (record: Record<string, unknown>, line: number): RowCheck<Row> => {
    const parsed = createViolationSchema.safeParse(record);
    if (!parsed.success) return { ok: false, errors: rowIssues(parsed.error) };
    const input = parsed.data;
    const errors = recordingIssues(canPenalize, types.get(input.type), input).map((i) => ({
      field: i.path,
      message: i.message,
    }));
    if (input.operationId && !ops.has(input.operationId))
      errors.push({ field: "operationId", message: "records.operationNotFound" });
    if (errors.length) return { ok: false, errors };
    return recordRow("violation", line, input);
  };

  return importRecords({
    body,
    format,
    batchSize,
    onProgress,
    validate,
    placer,
    spec: {
      stage: "stage_violations",
      stageColumns: STAGE_COLUMNS,
      line: (r) => r.row.line,
      id: (r) => r.id,
      contentHash: (r) => r.row.contentHash,
      values: ({ row: { input: v, externalRef }, place: p }) => [
        p.unitId,
        p.unitPath,
        p.brigadeId,
        p.gridId,
        p.beatId,
        p.incidentId,
        v.occurredAt,
        v.lat,
        v.lng,
        v.address,
        v.roadName,
        v.plate,
        v.plateColor,
        v.vehicleType,
        v.type,
        types.get(v.type)!.serious,
        v.source,
        actor.userId,
        actor.tokenId,
        v.operationId,
        v.driverName,
        v.driverIdNumber,
        v.licenceNumber,
        v.fineYuan,
        v.points,
        v.licenceSeized,
        v.detentionDays ?? 0,
        externalRef,
        v.notes,
      ],
      target: "violations",
      audit: (c, info) => writeAuditPg(c, actor, { action: "violation.import", entity: "violation", after: info }),
    },
  });
}
