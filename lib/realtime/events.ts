/** Live events: written with NOTIFY in the writing transaction, fanned out over SSE. */
export const EVENTS_CHANNEL = "trafficops_events";

export interface LiveEvent<T = unknown> {
  /** e.g. "position", "sos", "window.call" */
  topic: string;
  /** Unit path of the record: subscribers only see events inside their scope. */
  unitPath: string;
  data: T;
  /** Server time the event was raised (ms). */
  at: number;
}
