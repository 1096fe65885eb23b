/** The live events (NOTIFY on the events channel) that database tests wait for and check. */
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { EVENTS_CHANNEL } from "@/lib/realtime/events";

export interface HeardEvent {
  topic: string;
  unitPath: string;
  data: Record<string, unknown>;
}

/**
 * Listens on the events channel while the calling test file runs (its beforeAll to its
 * afterAll). The returned list fills, in arrival order, as the events' transactions commit.
 */
export function hearLiveEvents(): HeardEvent[] {
  const events: HeardEvent[] = [];
  let listener: pg.Client | undefined;
  beforeAll(async () => {
    listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    listener.on("notification", (m) => events.push(JSON.parse(m.payload!)));
    await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
  });
  afterAll(async () => {
    await listener?.end();
  });
  return events;
}

/** Waits until `pred` holds (NOTIFY arrives after the commit), at most `ms`; says whether it holds. */
export async function waitFor(pred: () => boolean, ms = 3000) {
  const t0 = Date.now();
  while (!pred() && Date.now() - t0 < ms) await new Promise((r) => setTimeout(r, 20));
  return pred();
}
