import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { maintainPositionPartitions } from "./position-partitions";
import { recordFix, type Fix } from "./record-fix";
import { reporterFor } from "./reporter";
import type { ReportPositionInput } from "./schemas";
import { openSosInTx } from "./sos";

/**
 * POST /api/v1/positions. Not audited row by row (a track is not a change of record);
 * a report with status "sos" raises an SOS alert when the person has none open.
 */
export async function reportPosition({ actor, input }: { actor: Actor; input: ReportPositionInput }) {
  assertCan(actor, "position.report");
  const who = await reporterFor(actor, input.userId);
  await maintainPositionPartitions();
  const fix: Fix = {
    lat: input.lat,
    lng: input.lng,
    accuracyM: input.accuracyM ?? null,
    status: input.status,
    at: input.at ?? new Date(),
  };
  return db.$transaction(async (tx) => {
    const current = await recordFix(tx, who, fix);
    const sos = input.status === "sos" ? await openSosInTx(tx, actor, who, { ...fix, message: null }) : null;
    return { userId: who.id, at: fix.at.toISOString(), status: fix.status, current, sosId: sos?.id ?? null };
  });
}
