/**
 * Putting a capture in the outbox (browser): written to IndexedDB first, with an id made
 * on the phone that becomes its externalRef and Idempotency-Key; the sync loop sends it.
 */
import { putItem, type OutboxItem, type OutboxKind, type OutboxPhoto } from "./store";

export function newId(): string {
  return "field-" + crypto.randomUUID();
}

export async function enqueue(opts: {
  userId: string;
  kind: OutboxKind;
  body: Record<string, unknown>;
  summary: string;
  photos?: Omit<OutboxPhoto, "sent">[];
  id?: string;
}): Promise<OutboxItem> {
  const item: OutboxItem = {
    id: opts.id ?? newId(),
    userId: opts.userId,
    kind: opts.kind,
    createdAt: Date.now(),
    body: opts.body,
    summary: opts.summary,
    photos: (opts.photos ?? []).map((p) => ({ ...p, sent: false })),
    status: "waiting",
    attempts: 0,
    nextAttemptAt: 0,
  };
  await putItem(item);
  return item;
}
