import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { incidentForActor } from "./read-incidents";

/**
 * The caller's full phone number, for those with incident.caller (the desk calls back for
 * 回访). Every view is written to the audit log, like a full ID-card number.
 */
export async function revealCallerPhone({ actor, input }: { actor: Actor; input: { id: string } }) {
  assertCan(actor, "incident.caller");
  const inc = await incidentForActor({ actor, id: input.id });
  await db.$transaction((tx) =>
    writeAudit(tx, actor, {
      action: "incident.reveal_caller",
      entity: "incident",
      entityId: inc.id,
      unitId: inc.unitId,
      unitPath: inc.unitPath,
    }),
  );
  return { id: inc.id, callerPhone: inc.callerPhone };
}
