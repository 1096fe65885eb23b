import "server-only";
import { maskIdCard, maskLicence } from "@/lib/identity/id-card";
import type { UnitInfo } from "@/lib/records/units";
import { unitRef } from "@/lib/records/units";

interface ViolationRow {
  id: string;
  unitId: string;
  gridId: string | null;
  beatId: string | null;
  incidentId: string | null;
  occurredAt: Date;
  lat: number | null;
  lng: number | null;
  address: string | null;
  roadName: string | null;
  plate: string | null;
  plateColor: string | null;
  vehicleType: string | null;
  typeKey: string;
  serious: boolean;
  source: string;
  recordedById: string | null;
  recordedByTokenId: string | null;
  operationId: string | null;
  driverName: string | null;
  driverIdNumber: string | null;
  licenceNumber: string | null;
  fineYuan: number | null;
  points: number | null;
  licenceSeized: boolean;
  detentionDays: number;
  status: string;
  externalRef: string | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
  appeal?: { id: string; status: string; filedAt: Date; dueAt: Date; decidedAt: Date | null } | null;
}

/**
 * A violation as the API returns it. The ID-card and licence numbers (a licence number is
 * the holder's ID number) are never in a response: only their masked forms (a full
 * reveal goes through the audited reveal action).
 */
export function violationJson(v: ViolationRow, units: Map<string, UnitInfo>) {
  return {
    id: v.id,
    occurredAt: v.occurredAt,
    lat: v.lat,
    lng: v.lng,
    address: v.address,
    roadName: v.roadName,
    unitCode: units.get(v.unitId)?.code ?? null,
    unit: unitRef(units.get(v.unitId)),
    gridId: v.gridId,
    beatId: v.beatId,
    incidentId: v.incidentId,
    plate: v.plate,
    plateColor: v.plateColor,
    vehicleType: v.vehicleType,
    type: v.typeKey,
    serious: v.serious,
    source: v.source,
    recordedById: v.recordedById,
    recordedByTokenId: v.recordedByTokenId,
    operationId: v.operationId,
    driverName: v.driverName,
    driverIdNumberMasked: v.driverIdNumber ? maskIdCard(v.driverIdNumber) : null,
    licenceNumberMasked: v.licenceNumber ? maskLicence(v.licenceNumber) : null,
    fineYuan: v.fineYuan,
    points: v.points,
    licenceSeized: v.licenceSeized,
    detentionDays: v.detentionDays,
    status: v.status,
    externalRef: v.externalRef,
    notes: v.notes,
    appeal: v.appeal
      ? {
          id: v.appeal.id,
          status: v.appeal.status,
          filedAt: v.appeal.filedAt,
          dueAt: v.appeal.dueAt,
          decidedAt: v.appeal.decidedAt,
        }
      : null,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

/** What the audit log keeps of a violation: everything but the full ID-card and licence numbers. */
export function violationAudit<T extends { driverIdNumber?: string | null; licenceNumber?: string | null }>(v: T) {
  return {
    ...v,
    driverIdNumber: v.driverIdNumber ? maskIdCard(v.driverIdNumber) : v.driverIdNumber,
    licenceNumber: v.licenceNumber ? maskLicence(v.licenceNumber) : v.licenceNumber,
  };
}
