/**
 * The phone's own storage (IndexedDB, through `idb`): the outbox of captures waiting to be
 * sent (with their photos as blobs), the queued position fixes, and the data the app needs
 * offline (lib/field/bootstrap.ts). Everything is keyed by the person who captured it: a
 * shared phone shows and sends only the signed-in person's items. Browser only.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { FieldBootstrap } from "./types";

export type OutboxKind = "violation" | "accident" | "hazard" | "sos" | "checkin";
export type OutboxStatus = "waiting" | "sending" | "sent" | "refused";

export interface OutboxPhoto {
  id: string;
  blob: Blob | null;
  width: number;
  height: number;
  sent: boolean;
}

export interface ServerError {
  status: number;
  code: string;
  message: string;
  fields: { path: string; message: string; key?: string }[];
  details?: Record<string, unknown>;
}

export interface OutboxItem {
  /** Made on the phone; the record's externalRef and the request's Idempotency-Key. */
  id: string;
  userId: string;
  kind: OutboxKind;
  /** epoch ms of the capture (records keep it as their time) */
  createdAt: number;
  /** The request body as the API takes it (null once sent: nothing personal stays on the phone). */
  body: Record<string, unknown> | null;
  /** One line for the outbox list ("违法停车 · 贵H12345"). */
  summary: string;
  photos: OutboxPhoto[];
  status: OutboxStatus;
  /** The record's id once the server has it (photos are sent to it). */
  serverId?: string;
  error?: ServerError;
  attempts: number;
  nextAttemptAt: number;
  sentAt?: number;
  /** For an SOS: what the command centre did with it (from the server). */
  sosStatus?: string;
  sosAckBy?: string | null;
  sosAckAt?: string | null;
}

export interface QueuedFix {
  key?: number;
  userId: string;
  at: number;
  lat: number;
  lng: number;
  accuracyM: number | null;
  status: string;
}

interface FieldDB extends DBSchema {
  items: { key: string; value: OutboxItem; indexes: { byUser: string } };
  fixes: { key: number; value: QueuedFix; indexes: { byUser: string } };
  kv: { key: string; value: unknown };
}

const DB_NAME = "trafficops-field";
let dbp: Promise<IDBPDatabase<FieldDB>> | null = null;

export function fieldDb(): Promise<IDBPDatabase<FieldDB>> {
  dbp ??= openDB<FieldDB>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("items", { keyPath: "id" }).createIndex("byUser", "userId");
      db.createObjectStore("fixes", { keyPath: "key", autoIncrement: true }).createIndex("byUser", "userId");
      db.createObjectStore("kv");
    },
  });
  return dbp;
}

/** Sent items are listed for a day, then forgotten. */
const KEEP_SENT_MS = 24 * 3600_000;

export async function listItems(userId: string): Promise<OutboxItem[]> {
  const db = await fieldDb();
  const items = await db.getAllFromIndex("items", "byUser", userId);
  const now = Date.now();
  const old = items.filter((i) => i.status === "sent" && (i.sentAt ?? 0) < now - KEEP_SENT_MS);
  if (old.length) {
    const tx = db.transaction("items", "readwrite");
    await Promise.all([...old.map((i) => tx.store.delete(i.id)), tx.done]);
  }
  return items.filter((i) => !old.includes(i)).sort((a, b) => a.createdAt - b.createdAt);
}

export async function getItem(id: string): Promise<OutboxItem | undefined> {
  return (await fieldDb()).get("items", id);
}

export async function putItem(item: OutboxItem): Promise<void> {
  await (await fieldDb()).put("items", item);
}

export async function deleteItem(id: string): Promise<void> {
  await (await fieldDb()).delete("items", id);
}

export async function queueFixes(fixes: QueuedFix[]): Promise<void> {
  const db = await fieldDb();
  const tx = db.transaction("fixes", "readwrite");
  await Promise.all([...fixes.map((f) => tx.store.add(f)), tx.done]);
}

/** The oldest queued fixes of a person (a batch to send). */
export async function peekFixes(userId: string, limit: number): Promise<QueuedFix[]> {
  const db = await fieldDb();
  const out: QueuedFix[] = [];
  let cur = await db.transaction("fixes").store.index("byUser").openCursor(IDBKeyRange.only(userId));
  while (cur && out.length < limit) {
    out.push(cur.value);
    cur = await cur.continue();
  }
  return out.sort((a, b) => a.at - b.at);
}

export async function countFixes(userId: string): Promise<number> {
  return (await fieldDb()).countFromIndex("fixes", "byUser", userId);
}

export async function dropFixes(keys: number[]): Promise<void> {
  const db = await fieldDb();
  const tx = db.transaction("fixes", "readwrite");
  await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
}

export async function getKv<T>(key: string): Promise<T | undefined> {
  return (await (await fieldDb()).get("kv", key)) as T | undefined;
}

export async function setKv(key: string, value: unknown): Promise<void> {
  await (await fieldDb()).put("kv", value, key);
}

export const bootstrapKey = (userId: string) => `bootstrap:${userId}`;
export const loadBootstrap = (userId: string) => getKv<FieldBootstrap>(bootstrapKey(userId));
export const saveBootstrap = (b: FieldBootstrap) => setKv(bootstrapKey(b.user.id), b);

/** Items not yet delivered (waiting, sending or refused): what sign-out warns about. */
export async function unsentCount(userId: string): Promise<number> {
  return (await listItems(userId)).filter((i) => i.status !== "sent").length + (await countFixes(userId));
}
