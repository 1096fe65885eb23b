import "server-only";
import type { PoolClient } from "pg";
import type { Actor } from "@/lib/auth/actor";
import { columnList } from "@/lib/import/copy";
import { chainData, locationData, recorderData, stageRows, type Placement } from "@/lib/records/kernel";
import { deriveSeverity } from "./rules";
import type { CreateAccidentInput, PartyInput } from "./schemas";

/** The stored row of an accident (Prisma fields; the import writes the same as columns). */
export function accidentData({ actor, input, place }: { actor: Actor; input: CreateAccidentInput; place: Placement }) {
  const { severity, major } = deriveSeverity(input.deaths, input.injured);
  return {
    ...chainData(place),
    occurredAt: input.occurredAt,
    ...locationData(input),
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
    ...recorderData(actor),
    notes: input.notes ?? null,
  };
}

/** The stored row of a party (vehicle and person) of an accident. */
export interface PartyRow {
  accidentId: string;
  plate: string | null;
  vehicleType: string | null;
  name: string | null;
  idNumber: string | null;
  role: string;
  atFault: boolean;
}

export const partyData = (accidentId: string, p: PartyInput): PartyRow => ({
  accidentId,
  plate: p.plate ?? null,
  vehicleType: p.vehicleType ?? null,
  name: p.name ?? null,
  idNumber: p.idNumber ?? null,
  role: p.role,
  atFault: p.atFault,
});

const PARTY_COLUMNS = ["accident_id", "plate", "vehicle_type", "name", "id_number", "role", "at_fault"];

/**
 * Parties of a bulk batch, for the accidents the batch inserted (their ids were assigned
 * before COPY, so the join tells them from accidents that were already stored).
 */
export async function writeParties(client: PoolClient, parties: PartyRow[]): Promise<void> {
  if (!parties.length) return;
  const stage = await stageRows(
    client,
    "accident_parties",
    PARTY_COLUMNS,
    parties.map((p) => [p.accidentId, p.plate, p.vehicleType, p.name, p.idNumber, p.role, p.atFault]),
  );
  await client.query(
    `INSERT INTO accident_parties (${columnList(PARTY_COLUMNS)})
     SELECT ${PARTY_COLUMNS.map((c) => `p."${c}"`).join(", ")} FROM "${stage}" p JOIN accidents a ON a.id = p.accident_id`,
  );
}
