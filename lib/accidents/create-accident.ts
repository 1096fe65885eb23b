import "server-only";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { maskIdCard } from "@/lib/identity/id-card";
import { contentHashOf, createOnce } from "@/lib/records/create-once";
import { placer } from "@/lib/records/place-record";
import { notifyEvent } from "@/lib/realtime/notify";
import { deriveSeverity } from "./rules";
import type { CreateAccidentInput } from "./schemas";

/**
 * Records an accident with its vehicles and parties. Severity and "major" are derived
 * here (and checked by the database); the unit comes from the point or unitCode.
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
  const contentHash = contentHashOf("accident", input);
  const { severity, major } = deriveSeverity(input.deaths, input.injured);
  const load = (tx: Parameters<Parameters<typeof createOnce>[0]["load"]>[0], id: string) =>
    tx.accident.findUnique({ where: { id }, include: { parties: true } });

  return createOnce({
    actor,
    entity: "accident",
    idempotencyKey,
    contentHash,
    insert: async (tx) => {
      const [row] = await tx.accident.createManyAndReturn({
        skipDuplicates: true,
        data: [
          {
            unitId: place.unitId,
            unitPath: place.unitPath,
            brigadeId: place.brigadeId,
            gridId: place.gridId,
            beatId: place.beatId,
            incidentId: place.incidentId,
            occurredAt: input.occurredAt,
            lat: input.lat ?? null,
            lng: input.lng ?? null,
            address: input.address ?? null,
            roadName: input.roadName ?? null,
            roadType: input.roadType ?? null,
            weather: input.weather ?? null,
            cause: input.cause ?? null,
            deaths: input.deaths,
            injured: input.injured,
            propertyLossYuan: input.propertyLossYuan,
            severity,
            major,
            hitAndRun: input.hitAndRun,
            hitAndRunSolved: input.hitAndRunSolved,
            handling: input.handling,
            rescueFundYuan: input.rescueFundYuan,
            recordedById: actor.userId,
            recordedByTokenId: actor.tokenId,
            externalRef: input.externalRef ?? null,
            contentHash,
            notes: input.notes ?? null,
          },
        ],
      });
      if (!row) return null;
      if (input.vehicles.length) {
        await tx.accidentParty.createMany({
          data: input.vehicles.map((p) => ({
            accidentId: row.id,
            plate: p.plate ?? null,
            vehicleType: p.vehicleType ?? null,
            name: p.name ?? null,
            idNumber: p.idNumber ?? null,
            role: p.role,
            atFault: p.atFault,
          })),
        });
      }
      const after = {
        ...row,
        vehicles: input.vehicles.map((p) => ({ ...p, idNumber: p.idNumber ? maskIdCard(p.idNumber) : undefined })),
      };
      await writeAudit(tx, actor, {
        action: "accident.create",
        entity: "accident",
        entityId: row.id,
        after,
        unitId: row.unitId,
        unitPath: row.unitPath,
      });
      await notifyEvent(tx, "accident", row.unitPath, {
        id: row.id,
        severity,
        lat: row.lat,
        lng: row.lng,
        occurredAt: row.occurredAt,
      });
      return load(tx, row.id).then((r) => r!);
    },
    existing: async (tx) =>
      input.externalRef
        ? tx.accident.findUnique({
            where: { unitId_externalRef: { unitId: place.unitId, externalRef: input.externalRef } },
            select: { id: true, contentHash: true },
          })
        : null,
    load,
  });
}
