import "server-only";
import type { Tx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { maskIdCard } from "@/lib/identity/id-card";
import { createRecord, placer } from "@/lib/records/kernel";
import { accidentData, partyData } from "./accident-data";
import type { CreateAccidentInput } from "./schemas";

/**
 * Records an accident with its vehicles and parties. Severity and "major" are derived
 * (and checked by the database); the unit comes from the point or unitCode. The import
 * writes the same rows (accidentData, partyData).
 */
export async function createAccident({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: CreateAccidentInput;
  idempotencyKey?: string | null;
}) {
  assertCan(actor, "accident.create");
  const place = await placer(actor).place(input);
  return createRecord({
    actor,
    model: "accident",
    entity: "accident",
    idempotencyKey,
    content: input,
    externalRef: input.externalRef,
    data: accidentData({ actor, input, place }),
    children: async (tx, row) => {
      if (input.vehicles.length)
        await tx.accidentParty.createMany({ data: input.vehicles.map((p) => partyData(row.id, p)) });
    },
    audit: (row) => ({
      ...row,
      vehicles: input.vehicles.map((p) => ({ ...p, idNumber: p.idNumber ? maskIdCard(p.idNumber) : undefined })),
    }),
    notify: (row) => ({
      topic: "accident",
      data: { id: row.id, severity: row.severity, lat: row.lat, lng: row.lng, occurredAt: row.occurredAt },
    }),
    load: (tx: Tx, id: string) => tx.accident.findUnique({ where: { id }, include: { parties: true } }),
  });
}
