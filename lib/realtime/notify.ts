import "server-only";
import type { Tx } from "@/lib/db";
import { EVENTS_CHANNEL, type LiveEvent } from "./events";

/**
 * Queues a live event in the caller's transaction. PostgreSQL delivers NOTIFY only when
 * the transaction commits (and drops it on rollback), to every instance listening.
 * Payloads must stay under 8,000 bytes: send ids and small facts, not records.
 */
export async function notifyEvent<T>(tx: Tx, topic: string, unitPath: string, data: T): Promise<void> {
  const event: LiveEvent<T> = { topic, unitPath, data, at: Date.now() };
  await tx.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`;
}
