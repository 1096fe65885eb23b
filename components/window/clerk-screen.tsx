"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { clsx } from "clsx";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { useGet } from "@/components/ui/use-get";
import { useI18n } from "@/lib/i18n/client";
import type { DayTotals } from "@/lib/window/day-summary";
import { callNextAction, callTicketAction, noShowAction } from "@/lib/window/actions";
import { EvaluationDialog } from "./evaluation-dialog";
import { RecentApplicants } from "./recent-applicants";
import { TransactionForm, type Submitted, type TransactionFormHandle } from "./transaction-form";
import type { BusinessOption, HallOption, PlaceOptions, Prefill, QueueTicket, Seat } from "./types";
import { useHallEvents } from "./use-hall-events";
import { formatWith } from "@/lib/i18n/format";

interface Queue {
  current: QueueTicket | null;
  waiting: QueueTicket[];
  noShows: QueueTicket[];
}

const minutesSince = (d: Date | string, now: number) => Math.max(0, Math.round((now - new Date(d).getTime()) / 60_000));

/**
 * 窗口办理, keyboard first: F2 calls the next ticket, F3 recalls, F4 marks a no-show,
 * Ctrl+Enter (or F8) completes, F6 searches recent applicants; 1/2/3 rate afterwards.
 * The queue follows the hall's live events; the window seat is remembered per person.
 */
export function ClerkScreen({
  userKey,
  canReveal,
  halls,
  businesses,
  places,
  initialTotals,
}: {
  userKey: string;
  canReveal: boolean;
  halls: HallOption[];
  businesses: BusinessOption[];
  places: PlaceOptions;
  initialTotals: DayTotals;
}) {
  const { t, locale } = useI18n();
  const storageKey = `trafficops.window.seat.${userKey}`;
  const [seat, setSeat] = useState<Seat | null>(null);
  const [queue, setQueue] = useState<Queue>({ current: null, waiting: [], noShows: [] });
  const [notice, setNotice] = useState<{ tone: "success" | "info" | "error"; text: string } | null>(null);
  const [totals, setTotals] = useState(initialTotals);
  const [evaluating, setEvaluating] = useState<{ id: string; title: string } | null>(null);
  const [prefill, setPrefill] = useState<Prefill | null>(null);
  const [recentKey, setRecentKey] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const formRef = useRef<TransactionFormHandle>(null);
  const recentRef = useRef<{ focus(): void }>(null);
  const hall = halls.find((h) => h.code === seat?.hall) ?? null;
  const businessName = (key: string) => businesses.find((b) => b.key === key)?.name ?? key;

  // Reads are GET requests, never server actions (those run one at a time per page).
  const getQueue = useGet<Queue>();
  const getTotals = useGet<DayTotals>();
  const next = useAction(null, callNextAction);
  const callOne = useAction(null, callTicketAction);
  const noShow = useAction(null, noShowAction);

  // The seat is per person and device: read it once the page runs in the browser.
  useEffect(() => {
    let saved: Seat | null = null;
    try {
      saved = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    } catch {
      saved = null;
    }
    const valid =
      saved && halls.some((h) => h.code === saved!.hall && h.windows.includes(saved!.window)) ? saved : null;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after mount
    setSeat(
      valid ??
        (halls.length === 1 && halls[0].windows.length === 1
          ? { hall: halls[0].code, window: halls[0].windows[0] }
          : null),
    );
  }, [halls, storageKey]);

  const refresh = useCallback(() => {
    if (seat)
      void getQueue(
        `/api/v1/window/queue?${new URLSearchParams({ hall: seat.hall, window: String(seat.window) })}`,
        setQueue,
      );
  }, [seat, getQueue]);
  useEffect(() => {
    refresh();
    const h = setInterval(() => {
      setNow(Date.now());
      refresh();
    }, 30_000);
    return () => clearInterval(h);
  }, [refresh]);
  const live = useHallEvents(hall?.unitCode ?? null, hall?.code ?? null, () => refresh());

  const chooseSeat = (s: Seat | null) => {
    setSeat(s);
    if (s) localStorage.setItem(storageKey, JSON.stringify(s));
  };

  const clearErrors = () => {
    next.reset();
    callOne.reset();
    noShow.reset();
  };
  const callNext = () => {
    if (!seat || next.pending) return;
    clearErrors();
    next.run(seat, (d) => {
      const tk = d as (QueueTicket & { window: number }) | null;
      setNotice(
        tk
          ? { tone: "info", text: t("window.serve.called", { number: tk.number, window: tk.window }) }
          : { tone: "info", text: t("window.serve.nobodyWaiting") },
      );
      refresh();
    });
  };
  const call = (ticket: QueueTicket) => {
    if (!seat) return;
    clearErrors();
    callOne.run({ id: ticket.id, window: seat.window, hall: seat.hall }, () => {
      setNotice({ tone: "info", text: t("window.serve.called", { number: ticket.number, window: seat.window }) });
      refresh();
    });
  };
  const markNoShow = () => {
    if (!queue.current) return;
    clearErrors();
    noShow.run({ id: queue.current.id }, () => refresh());
  };
  const actionError = next.error ?? callOne.error ?? noShow.error;

  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  useEffect(() => {
    keys.current = (e: KeyboardEvent) => {
      if (evaluating) return;
      if (e.key === "F2") {
        e.preventDefault();
        callNext();
      } else if (e.key === "F3") {
        e.preventDefault();
        if (queue.current) call(queue.current);
      } else if (e.key === "F4") {
        e.preventDefault();
        markNoShow();
      } else if (e.key === "F6") {
        e.preventDefault();
        recentRef.current?.focus();
      } else if (e.key === "F8" || (e.key === "Enter" && (e.ctrlKey || e.metaKey))) {
        e.preventDefault();
        formRef.current?.submit();
      }
    };
  });
  useEffect(() => {
    const h = (e: KeyboardEvent) => keys.current(e);
    window.addEventListener("keydown", h);
    return () => window.removeEventListener("keydown", h);
  }, []);

  const submitted = (s: Submitted) => {
    setNotice({
      tone: "success",
      text: t("window.serve.saved", { name: s.applicantName, business: businessName(s.businessKey) }),
    });
    if (s.created) setEvaluating({ id: s.id, title: `${s.applicantName} · ${businessName(s.businessKey)}` });
    setRecentKey((k) => k + 1);
    void getTotals("/api/v1/window/day-totals", setTotals);
    refresh();
  };

  const current = queue.current;
  const fmtYuan = (n: number) => `¥${formatWith.number(n, locale === "zh" ? "zh-CN" : "en-US")}`;

  return (
    <div className="space-y-3" data-testid="clerk-screen">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm">
        <label className="flex items-center gap-2">
          <span className="text-slate-600">{t("window.f.window")}</span>
          <Select
            className="w-60"
            aria-label={t("window.serve.chooseWindow")}
            data-testid="seat-select"
            value={seat ? `${seat.hall}#${seat.window}` : ""}
            onChange={(e) => {
              const [h, w] = e.target.value.split("#");
              chooseSeat(h ? { hall: h, window: Number(w) } : null);
            }}
          >
            <option value="">{t("window.serve.chooseWindow")}</option>
            {halls.flatMap((h) =>
              h.windows.map((w) => (
                <option key={`${h.code}#${w}`} value={`${h.code}#${w}`}>
                  {halls.length > 1 ? `${h.name} · ` : ""}
                  {t("window.f.windowN", { n: w })}
                </option>
              )),
            )}
          </Select>
        </label>
        <span className={clsx("inline-flex items-center gap-1 text-xs", live ? "text-green-700" : "text-slate-600")}>
          <span className={clsx("h-2 w-2 rounded-full", live ? "bg-green-500" : "bg-slate-300")} />{" "}
          {live ? t("window.board.live") : "—"}
        </span>
        <span className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-slate-700" data-testid="day-totals">
          <b>{t("window.serve.dayTotals")}</b>
          <span>
            <b className="text-base" data-testid="day-count">
              {totals.transactions}
            </b>{" "}
            {t("window.serve.done")}
          </span>
          <span>
            {t("window.serve.fees")} <b>{fmtYuan(totals.feeTotal)}</b>
          </span>
          {totals.avgServiceMinutes !== null && (
            <span>{t("window.serve.avgMin", { min: totals.avgServiceMinutes })}</span>
          )}
        </span>
      </div>

      {actionError ? <Alert>{actionError}</Alert> : notice && <Alert tone={notice.tone}>{notice.text}</Alert>}

      <div className="grid grid-cols-1 gap-3 lg:grid-cols-[minmax(15rem,18rem)_1fr]">
        <div className="space-y-3">
          <Card className="p-3" data-testid="queue-panel">
            <div className="flex items-baseline justify-between">
              <span className="text-sm text-slate-600">{t("window.serve.current")}</span>
              <span className="text-xs text-slate-500">
                {t("window.serve.waitingCount", { count: queue.waiting.length })}
              </span>
            </div>
            <div className="my-2 text-center" aria-live="polite">
              <div className="font-mono text-5xl font-bold tracking-wider text-brand-700" data-testid="current-ticket">
                {current?.number ?? "—"}
              </div>
              <div className="mt-1 text-sm text-slate-600">
                {current ? (
                  <>
                    {businessName(current.businessKey)} ·{" "}
                    {t("window.serve.waited", {
                      min: minutesSince(
                        current.issuedAt,
                        current.calledAt ? new Date(current.calledAt).getTime() : now,
                      ),
                    })}
                  </>
                ) : (
                  t("window.serve.none")
                )}
              </div>
            </div>
            <div className="grid grid-cols-3 gap-2">
              <Button onClick={callNext} disabled={!seat || next.pending} data-testid="call-next">
                {t("window.serve.callNext")} <kbd className="text-xs opacity-80">F2</kbd>
              </Button>
              <Button
                variant="secondary"
                onClick={() => current && call(current)}
                disabled={!current || callOne.pending}
              >
                {t("window.serve.recall")} <kbd className="text-xs opacity-70">F3</kbd>
              </Button>
              <Button variant="secondary" onClick={markNoShow} disabled={!current || noShow.pending}>
                {t("window.serve.noShow")} <kbd className="text-xs opacity-70">F4</kbd>
              </Button>
            </div>
          </Card>

          <Card className="p-3">
            <h3 className="mb-2 text-sm font-semibold">{t("window.serve.waiting")}</h3>
            {queue.waiting.length === 0 ? (
              <p className="text-sm text-slate-500">{t("window.serve.noOne")}</p>
            ) : (
              <ul className="max-h-52 space-y-1 overflow-y-auto text-sm" data-testid="waiting-list">
                {queue.waiting.map((w) => (
                  <li key={w.id} className="flex items-center justify-between gap-2">
                    <span className="min-w-0 truncate">
                      <b className="font-mono">{w.number}</b>{" "}
                      <span className="text-slate-600">{businessName(w.businessKey)}</span>
                      {w.urgent && (
                        <Badge tone="red" className="ml-1">
                          {t("window.serve.urgent")}
                        </Badge>
                      )}
                      {w.appointment && (
                        <Badge tone="blue" className="ml-1">
                          {t("window.serve.appointment")}
                        </Badge>
                      )}
                    </span>
                    <button
                      type="button"
                      className="shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
                      disabled={!seat || !!current}
                      onClick={() => call(w)}
                    >
                      {t("window.serve.callThis")}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {queue.noShows.length > 0 && (
              <div className="mt-3 border-t border-slate-100 pt-2">
                <h4 className="mb-1 text-xs font-semibold text-slate-600">{t("window.serve.noShows")}</h4>
                <div className="flex flex-wrap gap-1">
                  {queue.noShows.map((n) => (
                    <button
                      key={n.id}
                      type="button"
                      disabled={!seat || !!current}
                      onClick={() => call(n)}
                      className="rounded border border-slate-300 px-2 py-0.5 font-mono text-xs hover:bg-slate-50"
                    >
                      {n.number}
                    </button>
                  ))}
                </div>
              </div>
            )}
          </Card>

          <Card className="hidden p-3 lg:block">
            <h3 className="mb-2 text-sm font-semibold">
              {t("window.serve.recent")} <kbd className="text-xs text-slate-500">F6</kbd>
            </h3>
            <RecentApplicants ref={recentRef} onPick={setPrefill} refreshKey={recentKey} canUse={canReveal} />
          </Card>
        </div>

        <div className="space-y-3">
          <Card className="p-4">
            <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-base font-semibold">
                {current ? (
                  <>
                    {t("window.f.ticket")} <span className="font-mono">{current.number}</span>
                  </>
                ) : (
                  t("window.serve.noTicket")
                )}
              </h2>
              <details className="text-xs text-slate-600">
                <summary className="cursor-pointer select-none">{t("window.serve.shortcuts")}</summary>
                <ul className="mt-1 space-y-0.5" data-testid="shortcut-help">
                  <li>
                    <kbd>F2</kbd> {t("window.serve.keys.callNext")}
                  </li>
                  <li>
                    <kbd>F3</kbd> {t("window.serve.keys.recall")}
                  </li>
                  <li>
                    <kbd>F4</kbd> {t("window.serve.keys.noShow")}
                  </li>
                  <li>
                    <kbd>Ctrl+Enter</kbd> / <kbd>F8</kbd> {t("window.serve.keys.submit")}
                  </li>
                  <li>
                    <kbd>F6</kbd> {t("window.serve.keys.search")}
                  </li>
                  <li>
                    <kbd>1 2 3</kbd> {t("window.serve.keys.rate")}
                  </li>
                  <li>
                    <kbd>Esc</kbd> {t("window.serve.keys.esc")}
                  </li>
                </ul>
              </details>
            </div>
            <TransactionForm
              ref={formRef}
              ticket={current}
              seat={seat}
              businesses={businesses}
              places={places}
              prefill={prefill}
              onSubmitted={submitted}
            />
          </Card>
          <Card className="p-3 lg:hidden">
            <h3 className="mb-2 text-sm font-semibold">{t("window.serve.recent")}</h3>
            <RecentApplicants onPick={setPrefill} refreshKey={recentKey} canUse={canReveal} />
          </Card>
        </div>
      </div>

      <EvaluationDialog
        transaction={evaluating}
        onClose={(msg) => {
          setEvaluating(null);
          if (msg) setNotice({ tone: "success", text: msg });
          (document.activeElement as HTMLElement | null)?.blur();
        }}
      />
    </div>
  );
}
