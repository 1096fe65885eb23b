import { AppError } from "@/lib/errors";

/**
 * A cap on open streams: at most `total` at once in this process, and at most `perKey`
 * for one key (e.g. one unit's hall board). `acquire` answers a release function, or null
 * when a cap is reached (the caller answers 503). The limits are read at each acquire, so
 * the environment can be changed in tests. Per process: with several instances, each
 * holds its own count.
 */
export interface StreamSlots {
  acquire(key: string): (() => void) | null;
  /** Open streams now: overall and for a key. */
  open(key?: string): number;
}

export function streamSlots(limits: () => { total: number; perKey: number }): StreamSlots {
  const byKey = new Map<string, number>();
  let total = 0;
  return {
    acquire(key) {
      const { total: maxTotal, perKey } = limits();
      const mine = byKey.get(key) ?? 0;
      if (total >= maxTotal || mine >= perKey) return null;
      total++;
      byKey.set(key, mine + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total--;
        const left = (byKey.get(key) ?? 1) - 1;
        if (left > 0) byKey.set(key, left);
        else byKey.delete(key);
      };
    },
    open(key) {
      return key === undefined ? total : (byKey.get(key) ?? 0);
    },
  };
}

/** A positive integer from the environment, else the default. */
export function envLimit(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/**
 * Signed-in live streams (duty map, incident desk, any `sseResponse` behind a sign-in): at most
 * SSE_MAX_STREAMS_PER_USER (default 20: a duty officer keeps the map, the desk and the board open in several tabs, each page one or two streams) open at once per person or
 * API token in this process, so one account cannot hold the server's connections open.
 */
const signedInStreams = streamSlots(() => ({
  total: Number.POSITIVE_INFINITY,
  perKey: envLimit("SSE_MAX_STREAMS_PER_USER", 20),
}));

/** A slot for one more stream of this person or token (its release function), or 429 past the cap. */
export function signedInStreamSlot(actor: { kind: "user" | "token"; id: string }): () => void {
  const release = signedInStreams.acquire(`${actor.kind}:${actor.id}`);
  if (!release)
    throw new AppError("RATE_LIMITED", "errors.tooManyStreams", {
      details: { max: envLimit("SSE_MAX_STREAMS_PER_USER", 20) },
    });
  return release;
}
