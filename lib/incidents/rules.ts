/**
 * The incident timeline's rules, pure so the desk (client) and the server share them:
 * which step may follow which, when a dispatch is overdue, when a fix counts as on scene.
 */
import type { IncidentStatus } from "./schemas";

export type Step = "accept" | "arrive" | "handle" | "close" | "cancel";

/** The statuses each step may start from (a repeated tap on a done step changes nothing). */
export const STEP_FROM: Record<Step, readonly IncidentStatus[]> = {
  accept: ["dispatched"],
  // Arriving without an explicit accept accepts too (the officer simply went).
  arrive: ["dispatched", "accepted"],
  handle: ["on_scene"],
  // Closed after handling, or straight from received when it was settled without anyone
  // going (remote guidance, a complaint answered on the phone).
  close: ["received", "handled"],
  cancel: ["received", "dispatched", "accepted", "on_scene", "handled"],
};

export const STEP_TO: Record<Step, IncidentStatus> = {
  accept: "accepted",
  arrive: "on_scene",
  handle: "handled",
  close: "closed",
  cancel: "cancelled",
};

/** A responder's fix this close to the incident marks them on scene (issue 12: 200 m). */
export const ARRIVE_RADIUS_M = 200;

export interface OverdueInput {
  status: string;
  /** When the standing dispatch was made (a re-dispatch restarts the clock). */
  dispatchAt: string | Date | null;
}

export interface OverdueFlags {
  /** Dispatched, not accepted within acceptWithinMin. */
  notAccepted: boolean;
  /** Dispatched or accepted, not on scene within arriveWithinMin. */
  notOnScene: boolean;
}

/**
 * Overdue flags, computed when read (no scheduled job, so nothing to run once across app
 * instances): the desk recomputes them every few seconds from the same timestamps.
 */
export function overdueFlags(
  i: OverdueInput,
  limits: { acceptWithinMin: number; arriveWithinMin: number },
  now: number = Date.now(),
): OverdueFlags {
  if (!i.dispatchAt) return { notAccepted: false, notOnScene: false };
  const since = now - new Date(i.dispatchAt).getTime();
  return {
    notAccepted: i.status === "dispatched" && since > limits.acceptWithinMin * 60_000,
    notOnScene: (i.status === "dispatched" || i.status === "accepted") && since > limits.arriveWithinMin * 60_000,
  };
}

export const isOverdue = (f: OverdueFlags) => f.notAccepted || f.notOnScene;
