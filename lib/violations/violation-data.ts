import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { chainData, locationData, recorderData, type Placement } from "@/lib/records/kernel";
import { recordingIssues, type RecordingIssue, type TypeRules } from "./rules";
import type { CreateViolationInput } from "./schemas";

/**
 * Everything that may stop an actor recording this violation, for the create path and the
 * import alike: the type's rules (recordingIssues) and an operation that must be in scope.
 */
export function violationIssues({
  canPenalize,
  type,
  operationFound,
  input,
}: {
  canPenalize: boolean;
  type: TypeRules | null | undefined;
  operationFound: boolean;
  input: CreateViolationInput;
}): RecordingIssue[] {
  const issues = recordingIssues(canPenalize, type, input);
  if (input.operationId && !operationFound)
    issues.push({ status: 422, path: "operationId", message: "records.operationNotFound" });
  return issues;
}

/** The stored row of a violation (Prisma fields; the import writes the same as columns). */
export function violationData({
  actor,
  input,
  type,
  place,
}: {
  actor: Actor;
  input: CreateViolationInput;
  type: { key: string; serious: boolean };
  place: Placement;
}) {
  return {
    ...chainData(place),
    occurredAt: input.occurredAt,
    ...locationData(input),
    plate: input.plate ?? null,
    plateColor: input.plateColor ?? null,
    vehicleType: input.vehicleType ?? null,
    typeKey: type.key,
    serious: type.serious,
    source: input.source,
    ...recorderData(actor),
    operationId: input.operationId ?? null,
    driverName: input.driverName ?? null,
    driverIdNumber: input.driverIdNumber ?? null,
    licenceNumber: input.licenceNumber ?? null,
    fineYuan: input.fineYuan ?? null,
    points: input.points ?? null,
    licenceSeized: input.licenceSeized,
    detentionDays: input.detentionDays ?? 0,
    notes: input.notes ?? null,
  };
}
