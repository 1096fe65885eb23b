import "server-only";
import type { LiveEvent } from "./events";
import { eventListener } from "./listener";

/** How often a stream asks again whether its viewer may still see it (SSE_RECHECK_MS, default one minute). */
export function sseRecheckMs(): number {
  const v = Number(process.env.SSE_RECHECK_MS);
  return Number.isFinite(v) && v >= 100 ? v : 60_000;
}

/**
 * A server-sent-events response streaming live events that pass the filter (topic and
 * unit scope checks belong in it). `initial` events go first, e.g. the current state.
 * `recheck` runs every sseRecheckMs(): when it answers false (the session ended, the
 * user was disabled or lost the permission) the stream closes. It is required: a stream
 * that outlives its viewer's right to see it was issue 13's finding 5 (apiRoute hands
 * every handler `stillAllowed` for this). `project` chooses what of an event is sent (a
 * public stream sends no unit path). `slot` takes this stream's place under a cap before
 * anything starts — `signedInStreamSlot(actor)` (per person, lib/realtime/stream-slots.ts) or
 * the hall board's `boardStreamSlot` — and answers its release, which runs once when the
 * stream ends, however it ends (closed, client gone, re-check failed); it throws (429, 503)
 * when the cap is reached. Required too, so a new stream cannot forget its cap.
 */
export function sseResponse(
  req: Request,
  opts: {
    filter: (e: LiveEvent) => boolean;
    initial?: () => Promise<LiveEvent[]>;
    recheck: () => Promise<boolean>;
    project?: (e: LiveEvent) => unknown;
    slot: () => () => void;
  },
): Response {
  const release = opts.slot();
  const encoder = new TextEncoder();
  let cleanup = () => {};
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (e: LiveEvent) => {
        try {
          const body = opts.project ? opts.project(e) : e;
          controller.enqueue(encoder.encode(`event: ${e.topic}\ndata: ${JSON.stringify(body)}\n\n`));
        } catch {
          cleanup();
        }
      };
      let unsubscribe: () => void;
      try {
        unsubscribe = await eventListener().subscribe((e) => {
          if (opts.filter(e)) send(e);
        });
      } catch (err) {
        release();
        throw err;
      }
      // The first bytes go out once this stream listens: a client that has read them
      // receives every event committed from then on.
      controller.enqueue(encoder.encode(`retry: 2000\n\n`));
      const ping = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(`: ping\n\n`));
        } catch {
          cleanup();
        }
      }, 15_000);
      let checking = false;
      const recheck = setInterval(async () => {
        if (checking) return;
        checking = true;
        const ok = await opts.recheck().catch(() => false);
        checking = false;
        if (!ok) cleanup();
      }, sseRecheckMs());
      cleanup = () => {
        release();
        clearInterval(ping);
        clearInterval(recheck);
        unsubscribe();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      req.signal.addEventListener("abort", () => cleanup());
      // A client that went away while this stream was subscribing: end it now.
      if (req.signal.aborted || cancelled) return cleanup();
      try {
        for (const e of (await opts.initial?.()) ?? []) send(e);
      } catch {
        cleanup(); // the first state could not be read: end the stream (the client retries)
      }
    },
    cancel() {
      cancelled = true;
      cleanup();
      release();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
}
