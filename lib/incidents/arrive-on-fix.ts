import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { distanceM } from "@/lib/geo/geometry";
import { log } from "@/lib/log";
import { incidentInclude } from "./read-incidents";
import { applyStep, arrivalData } from "./incident-steps";
import { ARRIVE_RADIUS_M } from "./rules";

/**
 * On scene by itself: a responder's position fix within 200 m of an incident they are
 * dispatched to (and have not reached yet) marks them arrived, audited as automatic.
 * Called after a position report commits (lib/duty/report-position.ts); never fails it.
 */
export async function arriveOnFix({
  actor,
  input,
}: {
  actor: Actor;
  input: { userId: string; lat: number; lng: number; accuracyM?: number | null };
}): Promise<string[]> {
  // A fix too imprecise to tell 200 m apart says nothing about arriving.
  if ((input.accuracyM ?? 0) > ARRIVE_RADIUS_M) return [];
  try {
    const open = await db.incident.findMany({
      where: {
        status: { in: ["dispatched", "accepted"] },
        dispatches: { some: { endedAt: null, userIds: { has: input.userId } } },
      },
      include: incidentInclude,
    });
    const arrived: string[] = [];
    for (const inc of open) {
      if (distanceM(inc, input) > ARRIVE_RADIUS_M) continue;
      await applyStep({
        actor,
        inc,
        step: "arrive",
        data: arrivalData(input.userId, true),
        audit: {
          auto: true,
          userId: input.userId,
          lat: input.lat,
          lng: input.lng,
        },
      }).then(
        () => arrived.push(inc.id),
        () => {}, // someone tapped at the same moment: already on scene
      );
    }
    return arrived;
  } catch (err) {
    log.warn({ err, userId: input.userId }, "automatic arrival check failed");
    return [];
  }
}
