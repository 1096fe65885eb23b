import "server-only";
import pg from "pg";
import { log } from "@/lib/log";
import { EVENTS_CHANNEL, type LiveEvent } from "./events";

type Handler = (e: LiveEvent) => void;

/**
 * One LISTEN connection per app instance; browsers subscribe through SSE routes.
 * Reconnects with backoff when the database connection drops.
 */
export class EventListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private handlers = new Set<Handler>();
  private closed = false;
  private retryMs = 500;
  private connections = 0;

  constructor(private readonly url: string | undefined) {}

  async subscribe(h: Handler): Promise<() => void> {
    this.handlers.add(h);
    await this.ensureConnected();
    return () => {
      this.handlers.delete(h);
    };
  }

  get subscriberCount() {
    return this.handlers.size;
  }

  /** True while the LISTEN connection is up (events are arriving). */
  get connected() {
    return this.client !== null;
  }

  /**
   * Changes each time the LISTEN connection is (re)established: events sent while it was
   * down were missed, so caches kept since an earlier generation must be re-checked.
   */
  get generation() {
    return this.connections;
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect() {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: "trafficops-listen",
      keepAlive: true,
    });
    client.on("notification", (msg) => {
      if (msg.channel !== EVENTS_CHANNEL || !msg.payload) return;
      let event: LiveEvent;
      try {
        event = JSON.parse(msg.payload);
      } catch {
        return;
      }
      for (const h of this.handlers) {
        try {
          h(event);
        } catch (err) {
          log.warn({ err }, "live event handler failed");
        }
      }
    });
    const drop = (err?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => {});
      if (this.closed) return;
      log.warn({ err }, "LISTEN connection lost, reconnecting");
      setTimeout(() => void this.ensureConnected().catch(() => {}), this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, 10_000);
    };
    client.on("error", drop);
    client.on("end", () => drop());
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.client = client;
    this.connections++;
    this.retryMs = 500;
  }

  async close() {
    this.closed = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }
}

const g = globalThis as unknown as { trafficopsListener?: EventListener };

export function eventListener(): EventListener {
  g.trafficopsListener ??= new EventListener(process.env.DATABASE_URL);
  return g.trafficopsListener;
}
