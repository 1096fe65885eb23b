import "server-only";
import type { LiveEvent } from "./events";
import { eventListener } from "./listener";

/**
 * A server-sent-events response streaming live events that pass the filter (topic and
 * unit scope checks belong in it). `initial` events go first, e.g. the current state.
 */
export function sseResponse(
  req: Request,
  opts: { filter: (e: LiveEvent) => boolean; initial?: () => Promise<LiveEvent[]> },
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (e: LiveEvent) => {
        try {
          controller.enqueue(encoder.encode(`event: ${e.topic}\ndata: ${JSON.stringify(e)}\n\n`));
        } catch {
          cleanup();
        }
      };
      controller.enqueue(encoder.encode(`retry: 2000\n\n`));
      const unsubscribe = await eventListener().subscribe((e) => {
        if (opts.filter(e)) send(e);
      });
      const ping = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(`: ping\n\n`));
        } catch {
          cleanup();
        }
      }, 15_000);
      cleanup = () => {
        clearInterval(ping);
        unsubscribe();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      req.signal.addEventListener("abort", () => cleanup());
      for (const e of (await opts.initial?.()) ?? []) send(e);
    },
    cancel() {
      cleanup();
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
