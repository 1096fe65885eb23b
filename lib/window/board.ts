import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { LiveEvent } from "@/lib/realtime/events";
import { notifyEvent } from "@/lib/realtime/notify";
import { envLimit, streamSlots } from "@/lib/realtime/stream-slots";
import { dayValue, localDate } from "@/lib/time";

/**
 * The public hall display board. Everything here is shown to anyone in the hall (and
 * to anyone on the network: /hall/* needs no sign-in), so it is built from an explicit
 * list of fields — ticket numbers, window numbers, counts, the hall's name — and never
 * from a record: no names, ID numbers, plates, businesses or clerks.
 */
export const BOARD_TOPIC = "window.board";

export interface BoardCall {
  number: string;
  window: number;
  at: string;
}

export interface BoardEvent {
  hallId: string;
  kind: "call" | "queue";
  call: BoardCall | null;
  /** A ticket that left its window (done or no-show): the window and the headline clear. */
  left?: { number: string; window: number } | null;
  waiting: number;
  waitingByLetter: Record<string, number>;
}

export interface BoardState {
  unit: { code: string; nameZh: string; nameEn: string };
  hall: { id: string; code: string; nameZh: string; nameEn: string };
  windows: { number: number; label: string | null; current: string | null }[];
  recent: BoardCall[];
  waiting: number;
  waitingByLetter: Record<string, number>;
  serverTime: string;
}

/**
 * Open board streams: at most HALL_BOARD_MAX_STREAMS (default 200) in this process and
 * HALL_BOARD_MAX_STREAMS_PER_UNIT (default 20) for one unit's halls, so nobody on the
 * network can hold the server's connections open through the public board.
 */
const boardStreams = streamSlots(() => ({
  total: envLimit("HALL_BOARD_MAX_STREAMS", 200),
  perKey: envLimit("HALL_BOARD_MAX_STREAMS_PER_UNIT", 20),
}));

/** A slot for one more board stream of a unit (its release function), or 503 when the caps are reached. */
export function boardStreamSlot(unitId: string): () => void {
  const release = boardStreams.acquire(unitId);
  if (!release) throw new AppError("UNAVAILABLE", "window.board.full");
  return release;
}

/** What a board stream sends of an event: its topic, data and time — not the unit path. */
export function publicBoardEvent(e: LiveEvent) {
  return { topic: e.topic, data: e.data, at: e.at };
}

async function waitingCounts(q: Tx, hallId: string, day: string) {
  const rows = await q.windowTicket.groupBy({
    by: ["letter"],
    where: { hallId, serviceDay: dayValue(day), status: "waiting" },
    _count: { _all: true },
  });
  const byLetter: Record<string, number> = {};
  let total = 0;
  for (const r of rows.sort((a, b) => a.letter.localeCompare(b.letter))) {
    byLetter[r.letter] = r._count._all;
    total += r._count._all;
  }
  return { waiting: total, waitingByLetter: byLetter };
}

/** Queues a board update in the caller's transaction (delivered on commit). */
export async function notifyBoard(
  tx: Tx,
  hall: { id: string; unitPath: string },
  call: { number: string; window: number; at: Date } | null,
  left: { number: string; window: number } | null = null,
) {
  const counts = await waitingCounts(tx, hall.id, localDate(new Date()));
  const event: BoardEvent = {
    hallId: hall.id,
    kind: call ? "call" : "queue",
    call: call ? { number: call.number, window: call.window, at: call.at.toISOString() } : null,
    left,
    waiting: counts.waiting,
    waitingByLetter: counts.waitingByLetter,
  };
  await notifyEvent(tx, BOARD_TOPIC, hall.unitPath, event);
}

/** The board's hall: by code, else the unit's first active hall. 404 when there is none. */
export async function boardHall(unitCode: string, hallCode?: string | null) {
  const unit = await db.unit.findUnique({
    where: { code: unitCode },
    select: { id: true, code: true, nameZh: true, nameEn: true },
  });
  if (!unit) throw new AppError("NOT_FOUND", "hall not found");
  const hall = await db.windowHall.findFirst({
    where: { unitId: unit.id, active: true, ...(hallCode ? { code: hallCode } : {}) },
    select: { id: true, code: true, nameZh: true, nameEn: true, unitPath: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  if (!hall) throw new AppError("NOT_FOUND", "hall not found");
  return { unit, hall };
}

export async function boardState(unitCode: string, hallCode?: string | null): Promise<BoardState> {
  const { unit, hall } = await boardHall(unitCode, hallCode);
  const day = localDate(new Date());
  const [counters, called, counts] = await Promise.all([
    db.windowCounter.findMany({
      where: { hallId: hall.id, active: true },
      select: { id: true, number: true, label: true },
      orderBy: { number: "asc" },
    }),
    db.windowTicket.findMany({
      where: { hallId: hall.id, serviceDay: dayValue(day), calledAt: { not: null }, counterId: { not: null } },
      select: { number: true, status: true, calledAt: true, updatedAt: true, counterId: true },
      orderBy: { calledAt: "desc" },
      take: 50,
    }),
    waitingCounts(db, hall.id, day),
  ]);
  const numberOf = new Map(counters.map((c) => [c.id, c.number]));
  const windows = counters.map((c) => ({
    number: c.number,
    label: c.label,
    current: called.find((t) => t.counterId === c.id && t.status === "called")?.number ?? null,
  }));
  const recent = called
    .filter((t) => numberOf.has(t.counterId!))
    .slice(0, 10)
    .map((t) => ({ number: t.number, window: numberOf.get(t.counterId!)!, at: t.calledAt!.toISOString() }));
  return {
    unit: { code: unit.code, nameZh: unit.nameZh, nameEn: unit.nameEn },
    hall: { id: hall.id, code: hall.code, nameZh: hall.nameZh, nameEn: hall.nameEn },
    windows,
    recent,
    ...counts,
    serverTime: new Date().toISOString(),
  };
}
