"use client";
import { useEffect, useRef, useState } from "react";
import { clsx } from "clsx";
import type { BoardCall, BoardEvent, BoardState } from "@/lib/window/board";
import { useHallEvents } from "./use-hall-events";
import { formatHourMinute } from "@/lib/i18n/format";

type Labels = Record<
  "calling" | "nowServing" | "window" | "recent" | "waiting" | "live" | "reconnecting" | "sound",
  string
>;

const fill = (s: string, v: Record<string, string | number>) =>
  s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ""));
const hhmm = (iso: string) => formatHourMinute(iso);

/** The most recent call whose ticket is still at its window, if any. */
export function currentCall(state: Pick<BoardState, "recent" | "windows">): BoardCall | null {
  return state.recent.find((r) => state.windows.some((w) => w.number === r.window && w.current === r.number)) ?? null;
}

/** The TV board: the latest call in huge type, each window's ticket, recent calls and the queue. */
export function HallBoard({ unitCode, initial, labels }: { unitCode: string; initial: BoardState; labels: Labels }) {
  const [state, setState] = useState(initial);
  const [flash, setFlash] = useState(0);
  const [voice, setVoice] = useState(false);
  const [clock, setClock] = useState(() => new Date().toISOString());
  const voiceRef = useRef(false);

  const onEvent = (topic: string, data: unknown) => {
    if (topic === "window.board.state") {
      setState(data as BoardState);
      return;
    }
    const e = data as BoardEvent;
    setState((s) => {
      const next = { ...s, waiting: e.waiting, waitingByLetter: e.waitingByLetter };
      if (e.left) {
        const left = e.left;
        next.windows = s.windows.map((w) =>
          w.number === left.window && w.current === left.number ? { ...w, current: null } : w,
        );
      }
      if (e.call) {
        const call: BoardCall = e.call;
        next.recent = [call, ...s.recent.filter((r) => !(r.number === call.number && r.window === call.window))].slice(
          0,
          10,
        );
        next.windows = next.windows.map((w) =>
          w.number === call.window
            ? { ...w, current: call.number }
            : w.current === call.number
              ? { ...w, current: null }
              : w,
        );
      }
      return next;
    });
    if (e.call) {
      setFlash((f) => f + 1);
      if (voiceRef.current && "speechSynthesis" in window) {
        const u = new SpeechSynthesisUtterance(
          fill(labels.calling, { number: e.call.number.split("").join(" "), window: e.call.window }),
        );
        u.lang = "zh-CN";
        window.speechSynthesis.speak(u);
      }
    }
  };
  const live = useHallEvents(unitCode, state.hall.code, onEvent);

  useEffect(() => {
    const h = setInterval(() => setClock(new Date().toISOString()), 10_000);
    return () => clearInterval(h);
  }, []);

  // The headline is the latest call still being served: once that ticket is done (or a
  // no-show) its window shows "—", and so does the headline rather than a stale call.
  const latest = currentCall(state);
  return (
    <div
      className="flex h-screen flex-col overflow-hidden bg-slate-950 text-white"
      data-testid="hall-board"
      lang="zh-CN"
    >
      <header className="flex items-center justify-between bg-brand-900 px-[3vw] py-[1.5vh]">
        <h1 className="text-[3.2vw] font-bold tracking-wide">{state.hall.nameZh}</h1>
        <div className="flex items-center gap-[2vw] text-[2.2vw]">
          <span className={clsx("flex items-center gap-2 text-[1.4vw]", live ? "text-green-300" : "text-yellow-300")}>
            <span className={clsx("h-3 w-3 rounded-full", live ? "bg-green-400" : "bg-yellow-400")} />
            {live ? labels.live : labels.reconnecting}
          </span>
          <span className="font-mono">{hhmm(clock)}</span>
        </div>
      </header>

      <section
        key={flash}
        className={clsx("flex items-center justify-center px-[3vw] py-[3vh]", flash > 0 && "board-flash")}
        aria-live="assertive"
        data-testid="board-latest"
      >
        {latest ? (
          <p className="text-center text-[5.5vw] font-bold leading-tight text-yellow-300">
            {fill(labels.calling, { number: latest.number, window: latest.window })}
          </p>
        ) : (
          <p className="text-[4vw] text-slate-500">—</p>
        )}
      </section>

      <main className="grid min-h-0 flex-1 grid-cols-[2fr_1fr] gap-[2vw] px-[3vw] pb-[3vh]">
        <div className="grid auto-rows-fr grid-cols-2 gap-[1.5vw] xl:grid-cols-3" data-testid="board-windows">
          {state.windows.map((w) => (
            <div
              key={w.number}
              className="flex flex-col items-center justify-center rounded-xl border-2 border-brand-500/60 bg-brand-900/40 p-[1vw]"
              data-window={w.number}
            >
              <span className="text-[2.2vw] text-slate-300">{fill(labels.window, { n: w.number })}</span>
              <span
                className={clsx(
                  "font-mono text-[5vw] font-bold leading-none",
                  w.current ? "text-white" : "text-slate-600",
                )}
              >
                {w.current ?? "—"}
              </span>
            </div>
          ))}
        </div>
        <aside className="flex min-h-0 flex-col gap-[2vh]">
          <div className="rounded-xl bg-slate-800 p-[1.5vw] text-center">
            <div className="text-[2vw] text-slate-300">{labels.waiting}</div>
            <div className="font-mono text-[6vw] font-bold leading-none" data-testid="board-waiting">
              {state.waiting}
            </div>
            <div className="mt-1 flex flex-wrap justify-center gap-x-4 text-[1.6vw] text-slate-300">
              {Object.entries(state.waitingByLetter).map(([l, n]) => (
                <span key={l}>
                  {l}: {n}
                </span>
              ))}
            </div>
          </div>
          <div className="min-h-0 flex-1 overflow-hidden rounded-xl bg-slate-800 p-[1.5vw]">
            <div className="mb-[1vh] text-[2vw] text-slate-300">{labels.recent}</div>
            <ol className="space-y-[0.6vh] text-[2.4vw]" data-testid="board-recent">
              {state.recent.slice(0, 6).map((r, i) => (
                <li key={`${r.number}-${r.window}-${i}`} className="flex justify-between font-mono">
                  <span className="font-bold">{r.number}</span>
                  <span>{fill(labels.window, { n: r.window })}</span>
                </li>
              ))}
            </ol>
          </div>
        </aside>
      </main>
      {!voice && (
        <button
          type="button"
          className="fixed bottom-2 right-2 rounded bg-slate-800/80 px-3 py-1 text-sm text-slate-300 hover:bg-slate-700"
          onClick={() => {
            voiceRef.current = true;
            setVoice(true);
          }}
        >
          {labels.sound}
        </button>
      )}
    </div>
  );
}
