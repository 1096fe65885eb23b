import "server-only";
import { json } from "@/lib/api/respond";
import { maskIdCard, maskLicence } from "@/lib/identity/id-card";

/** 201 with the new record, or 200 when the request was a replay of an earlier one. */
export function created(body: unknown, replayed: boolean): Response {
  return json(body, replayed ? 200 : 201);
}

/** Writes an edit form of a record may carry: the id from the URL wins over one in the body. */
export function withId(body: unknown, id: string): Record<string, unknown> {
  return { ...(body && typeof body === "object" && !Array.isArray(body) ? body : {}), id };
}

/**
 * A record as the API returns it: internal columns dropped (unit path, brigade, content
 * hash), the unit's code added, ID-card numbers only masked.
 */
export function publicRow<T extends { unitId: string }>(row: T, units: Map<string, { code: string }>) {
  const {
    unitPath: _p,
    brigadeId: _b,
    contentHash: _h,
    idNumber,
    licenceNumber,
    ...rest
  } = row as T & {
    unitPath?: string;
    brigadeId?: string;
    contentHash?: string | null;
    idNumber?: string;
    licenceNumber?: string | null;
  };
  return {
    ...rest,
    unitCode: units.get(row.unitId)?.code ?? null,
    ...(idNumber ? { idNumberMasked: maskIdCard(idNumber) } : {}),
    // A licence number is its holder's ID number: masked the same way.
    ...(licenceNumber !== undefined ? { licenceNumberMasked: licenceNumber ? maskLicence(licenceNumber) : null } : {}),
  };
}
