/**
 * The outbox's sync loop (browser). Sends the signed-in person's captures oldest first to
 * the same /api/v1 endpoints as every other client: each record with its phone-made id as
 * `externalRef` and `Idempotency-Key`, so a resend after a lost answer, a closed tab, a
 * browser restart or a double tap returns the record already stored and never makes a
 * second one; then its photos one by one (the server stores the same bytes once); then the
 * queued position fixes in batches. A refused item (422/403/404/409) keeps the server's
 * field messages and holds back nothing else; a server error backs off that item; no
 * network stops the round; an ended session (401) pauses everything until the person
 * signs in again, with nothing lost.
 */
import { MAX_FIXES_PER_BATCH } from "./limits";
import {
  dropFixes,
  getItem,
  listItems,
  peekFixes,
  putItem,
  type OutboxItem,
  type OutboxKind,
  type ServerError,
} from "./store";

export interface SyncResult {
  needsSignIn: boolean;
  offline: boolean;
  /** The server answered at least one request (a round with nothing to send proves nothing). */
  reached: boolean;
  sent: number;
  refused: number;
  fixesSent: number;
}

const ENDPOINT: Record<OutboxKind, (item: OutboxItem) => string> = {
  violation: () => "/api/v1/violations",
  accident: () => "/api/v1/accidents",
  hazard: () => "/api/v1/hazards",
  sos: () => "/api/v1/sos",
  checkin: (i) => `/api/v1/beats/${encodeURIComponent(String(i.body?.beatId ?? ""))}/check-ins`,
};
const PHOTO_PATH: Partial<Record<OutboxKind, string>> = {
  violation: "violations",
  accident: "accidents",
  hazard: "hazards",
};

/** Back-off after a server error: 5 s, 10 s, 20 s … up to 5 minutes; an SOS retries every 3 s. */
export function nextAttemptDelay(kind: OutboxKind, attempts: number, random = Math.random()): number {
  if (kind === "sos") return 3000;
  return Math.min(300_000, 5000 * 2 ** Math.min(attempts, 10)) * (0.8 + 0.4 * random);
}

class Offline extends Error {}
class SignedOut extends Error {}

type Fetch = typeof fetch;

async function send(fetchImpl: Fetch, url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetchImpl(url, { credentials: "same-origin", ...init });
  } catch {
    throw new Offline();
  }
  // A session that ended: the API answers 401; a page-style redirect to /login counts too.
  if (res.status === 401 || (res.redirected && new URL(res.url, "http://x").pathname === "/login"))
    throw new SignedOut();
  return res;
}

async function serverError(res: Response): Promise<ServerError> {
  let body: { error?: Partial<ServerError> } = {};
  try {
    body = await res.json();
  } catch {
    /* not JSON: keep the status */
  }
  return {
    status: res.status,
    code: body.error?.code ?? String(res.status),
    message: body.error?.message ?? res.statusText,
    fields: body.error?.fields ?? [],
    details: body.error?.details,
  };
}

const refusedStatus = (s: number) => s === 403 || s === 404 || s === 409 || s === 413 || s === 422;

/** Sends one item as far as it goes; returns its new state (already saved). */
async function sendItem(fetchImpl: Fetch, item: OutboxItem, now: number): Promise<OutboxItem> {
  let cur: OutboxItem = { ...item, status: "sending" };
  await putItem(cur);
  try {
    if (!cur.serverId) {
      const body = cur.kind === "sos" || cur.kind === "checkin" ? cur.body : { ...cur.body, externalRef: cur.id };
      const res = await send(fetchImpl, ENDPOINT[cur.kind](cur), {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": cur.id },
        body: JSON.stringify(body),
      });
      if (refusedStatus(res.status)) {
        cur = { ...cur, status: "refused", error: await serverError(res), attempts: cur.attempts + 1 };
        await putItem(cur);
        return cur;
      }
      if (!res.ok) throw Object.assign(new Error("server"), { status: res.status });
      const out = (await res.json()) as {
        id: string;
        status?: string;
        acknowledgedBy?: string;
        acknowledgedAt?: string;
      };
      cur = {
        ...cur,
        serverId: out.id,
        error: undefined,
        ...(cur.kind === "sos"
          ? { sosStatus: out.status, sosAckBy: out.acknowledgedBy ?? null, sosAckAt: out.acknowledgedAt ?? null }
          : {}),
      };
      await putItem(cur);
    }
    for (const photo of cur.photos) {
      if (photo.sent || !photo.blob) continue;
      const res = await send(fetchImpl, `/api/v1/${PHOTO_PATH[cur.kind]}/${cur.serverId}/photos`, {
        method: "POST",
        headers: {
          "content-type": photo.blob.type || "image/jpeg",
          "x-taken-at": new Date(cur.createdAt).toISOString(),
        },
        body: photo.blob,
      });
      if (refusedStatus(res.status)) {
        const error = await serverError(res);
        cur = {
          ...cur,
          status: "refused",
          error: { ...error, fields: error.fields.map((f) => ({ ...f, path: `photo:${photo.id}` })) },
        };
        await putItem(cur);
        return cur;
      }
      if (!res.ok) throw Object.assign(new Error("server"), { status: res.status });
      cur = { ...cur, photos: cur.photos.map((p) => (p.id === photo.id ? { ...p, sent: true, blob: null } : p)) };
      await putItem(cur);
    }
    // Delivered: nothing of the capture stays on the phone but its one-line summary.
    cur = { ...cur, status: "sent", sentAt: now, body: null, error: undefined };
    await putItem(cur);
    return cur;
  } catch (err) {
    const attempts = cur.attempts + 1;
    cur = { ...cur, status: "waiting", attempts, nextAttemptAt: now + nextAttemptDelay(cur.kind, attempts) };
    await putItem(cur);
    throw err instanceof Offline || err instanceof SignedOut ? err : new ServerTrouble();
  }
}

class ServerTrouble extends Error {}

/** Sends the queued fixes in batches of ≤ 500; a batch the server answered is removed (rejected fixes too: they can never pass). */
async function sendFixes(fetchImpl: Fetch, userId: string): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = await peekFixes(userId, MAX_FIXES_PER_BATCH);
    if (!batch.length) return sent;
    const res = await send(fetchImpl, "/api/v1/positions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        fixes: batch.map((f) => ({
          lat: f.lat,
          lng: f.lng,
          accuracyM: f.accuracyM ?? undefined,
          status: f.status,
          at: new Date(f.at).toISOString(),
        })),
      }),
    });
    if (!res.ok && !refusedStatus(res.status)) throw new ServerTrouble();
    await dropFixes(batch.map((f) => f.key!));
    sent += batch.length;
  }
}

let running: Promise<SyncResult> | null = null;
/** Items being sent right now in this tab (by a round or by the SOS path): nobody sends them twice. */
const inFlight = new Set<string>();

/**
 * Sends one item unless this tab is already sending it or it went meanwhile (a round's list
 * is read once; the SOS path may have sent one of its items since); `null` when skipped.
 */
async function sendOnce(fetchImpl: Fetch, item: OutboxItem): Promise<OutboxItem | null> {
  if (inFlight.has(item.id)) return null;
  inFlight.add(item.id);
  try {
    const cur = await getItem(item.id);
    if (!cur || (cur.status !== "waiting" && cur.status !== "sending")) return null;
    return await sendItem(fetchImpl, cur, Date.now());
  } finally {
    inFlight.delete(item.id);
  }
}

/**
 * An SOS never waits behind a round in flight (a photo upload on a slow line can take a
 * minute; under load even a batch of fixes takes seconds): it is sent at once, on its own
 * request, and the round leaves it alone. What fails stays waiting for the next round (every 3 s).
 */
async function sendSosAtOnce(userId: string, fetchImpl: Fetch): Promise<void> {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return;
  const due = (await listItems(userId)).filter(
    (i) => i.kind === "sos" && (i.status === "waiting" || i.status === "sending"),
  );
  await Promise.all(due.map((i) => sendOnce(fetchImpl, i).catch(() => null)));
}

/**
 * One sync round for this person: every item that is due (waiting and past its back-off,
 * or left "sending" by a closed tab), then the fixes. One round at a time per tab, and one
 * across tabs (Web Locks) so two tabs never send the same item at once.
 */
export function syncNow(userId: string, opts: { fetchImpl?: Fetch; force?: boolean } = {}): Promise<SyncResult> {
  if (running) {
    // A round is under way: an SOS raised meanwhile goes now, not after it.
    void sendSosAtOnce(userId, opts.fetchImpl ?? fetch);
    return running;
  }
  running = (async () => {
    try {
      const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
      if (!locks) return await round(userId, opts);
      return (
        (await locks.request("trafficops-field-sync", { ifAvailable: true }, (lock) =>
          lock ? round(userId, opts) : null,
        )) ?? { needsSignIn: false, offline: false, reached: false, sent: 0, refused: 0, fixesSent: 0 }
      );
    } finally {
      running = null;
    }
  })();
  return running;
}

async function round(
  userId: string,
  { fetchImpl: raw = fetch, force = false }: { fetchImpl?: Fetch; force?: boolean },
) {
  const result: SyncResult = { needsSignIn: false, offline: false, reached: false, sent: 0, refused: 0, fixesSent: 0 };
  const fetchImpl: Fetch = async (...args) => {
    const res = await raw(...args);
    result.reached = true;
    return res;
  };
  // A browser that knows it has no network (onLine false is reliable; true is not) sends
  // nothing: the outbox stays "waiting" instead of flickering through "sending".
  if (typeof navigator !== "undefined" && navigator.onLine === false) return { ...result, offline: true };
  const now = Date.now();
  // An SOS goes first, whatever its age.
  const items = (await listItems(userId))
    .filter((i) => i.status === "waiting" || i.status === "sending")
    .filter((i) => force || i.kind === "sos" || i.nextAttemptAt <= now)
    .sort((a, b) => Number(b.kind === "sos") - Number(a.kind === "sos") || a.createdAt - b.createdAt);
  try {
    for (const item of items) {
      try {
        const out = await sendOnce(fetchImpl, item);
        if (out?.status === "sent") result.sent++;
        if (out?.status === "refused") result.refused++;
      } catch (err) {
        if (!(err instanceof ServerTrouble)) throw err;
      }
    }
    result.fixesSent = await sendFixes(fetchImpl, userId);
  } catch (err) {
    if (err instanceof Offline) result.offline = true;
    else if (err instanceof SignedOut) result.needsSignIn = true;
    else if (!(err instanceof ServerTrouble)) throw err;
  }
  return result;
}

/** The officer fixed a refused item: it goes back in line with the new body (same id, so still exactly once). */
export async function resend(item: OutboxItem, body: Record<string, unknown>, summary: string): Promise<void> {
  await putItem({ ...item, body, summary, status: "waiting", error: undefined, nextAttemptAt: 0, attempts: 0 });
}
