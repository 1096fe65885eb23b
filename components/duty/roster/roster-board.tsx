"use client";
import { clsx } from "clsx";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/states";
import { ButtonLink } from "@/components/ui/button";
import { useI18n } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";
import { localDate, localDayStart, localParts } from "@/lib/time";
import { SHIFT_COLOURS, type ShiftKind } from "@/lib/duty/shifts";
import type { RosterBoard } from "@/lib/duty/roster-board";
import { BeatDialog, type DialogState } from "./beat-dialog";
import { CopyWeekButton } from "./copy-week";
import { shiftSpan, WEEKDAYS } from "./format";

const RISK_TONE = { red: "red", yellow: "yellow", green: "green" } as const;

/** The roster board: grids × days of one squad's week; click a day to add, a beat to edit. */
export function RosterBoardView({
  board,
  canManage,
  locale,
}: {
  board: RosterBoard;
  canManage: boolean;
  locale: "zh" | "en";
}) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<string[] | null>(null);
  if (board.grids.length === 0) {
    return (
      <EmptyState
        title={t("duty.board.noGrids")}
        body={t("duty.board.noGridsBody")}
        action={<ButtonLink href={`/beats/grids?unit=${board.unit.code}`}>{t("duty.board.manageGrids")}</ButtonLink>}
      />
    );
  }
  const today = localDate(new Date());
  return (
    <div className="space-y-3">
      {canManage && (
        <div className="flex flex-wrap items-start gap-3">
          <CopyWeekButton unitCode={board.unit.code} week={board.weekStart} />
          {board.gaps.length > 0 && (
            <p
              className="rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-sm text-red-800"
              data-testid="peak-gaps"
            >
              {t("duty.board.gaps")}: {board.gaps.length}
            </p>
          )}
        </div>
      )}
      {notice && (
        <div
          role="status"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="beat-warnings"
        >
          <p className="font-medium">
            {t("duty.beat.saved")} · {t("duty.beat.warnings")}
          </p>
          <ul className="list-disc pl-5">
            {notice.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {/* On a phone: the grid column stays put and two whole days fill the rest, snapping day by
          day (not a day and a half cut at the edge); from sm up the whole week shows. */}
      <div className="snap-x snap-mandatory scroll-pl-24 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm sm:snap-none">
        <table
          className="w-full min-w-[calc(6rem_+_3.5_*_(100vw_-_7.5rem))] table-fixed border-collapse text-sm sm:min-w-[1040px]"
          data-testid="roster-board"
        >
          <thead>
            <tr className="bg-slate-50">
              <th
                scope="col"
                className="sticky left-0 z-10 w-24 border-b border-slate-200 bg-slate-50 px-2 py-2 text-left font-medium text-slate-600 sm:static sm:w-48"
              >
                {t("duty.board.grid")}
              </th>
              {board.days.map((d) => {
                const wd = localParts(localDayStart(d)).weekday;
                return (
                  <th
                    key={d}
                    scope="col"
                    className={clsx(
                      "w-[calc((100vw_-_7.5rem)_/_2)] snap-start border-b border-l border-slate-200 px-2 py-2 text-left font-medium sm:w-auto",
                      d === today ? "bg-brand-50 text-brand-800" : "text-slate-600",
                    )}
                  >
                    {WEEKDAYS[locale][wd]} <span className="font-normal text-slate-600">{d.slice(5)}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {board.grids.map((g) => (
              <tr key={g.id} className="align-top" data-grid={g.name}>
                <th
                  scope="row"
                  className="sticky left-0 z-10 border-b border-slate-100 bg-white px-2 py-2 text-left font-normal sm:static"
                >
                  <div className="flex flex-wrap items-center gap-1.5">
                    <span className="font-medium text-slate-900">{g.name}</span>
                    <Badge tone={RISK_TONE[g.risk.colour]} className="cursor-help">
                      <span title={t("duty.risk.why", { days: board.settings.riskWindowDays, ...g.risk })}>
                        {t(`duty.risk.${g.risk.colour}`)}
                      </span>
                    </Badge>
                  </div>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {t("duty.board.suggested", { police: g.staffing.police, aux: g.staffing.auxiliaries })}
                  </p>
                  <p
                    className={clsx(
                      "text-xs",
                      g.rostered.police < g.staffing.police || g.rostered.auxiliaries < g.staffing.auxiliaries
                        ? "text-amber-700"
                        : "text-slate-500",
                    )}
                  >
                    {t("duty.board.rostered", { police: g.rostered.police, aux: g.rostered.auxiliaries })}
                  </p>
                  <p className="text-xs text-slate-600">{t("duty.board.workload", { score: g.staffing.workload })}</p>
                </th>
                {board.days.map((d) => {
                  const beats = board.beats.filter((b) => b.gridId === g.id && localDate(new Date(b.startsAt)) === d);
                  const gaps = board.gaps.filter((x) => x.gridId === g.id && x.day === d);
                  return (
                    <td
                      key={d}
                      className={clsx("border-b border-l border-slate-100 p-1", d === today && "bg-brand-50/40")}
                      data-day={d}
                    >
                      <div className="flex min-h-16 flex-col gap-1">
                        {beats.map((b) => (
                          <button
                            key={b.id}
                            type="button"
                            disabled={!canManage}
                            onClick={() => setDialog({ mode: "edit", beat: b, gridId: g.id, day: d })}
                            className={clsx(
                              "rounded border px-1.5 py-1 text-left text-xs leading-tight hover:shadow focus-visible:ring-2",
                              SHIFT_COLOURS[b.shiftKind as ShiftKind],
                            )}
                            data-testid="beat-card"
                          >
                            <span className="flex items-center justify-between gap-1 font-medium text-slate-800">
                              <span className="truncate">{t(`duty.shifts.${b.shiftKind}`)}</span>
                              {b.warnings.length > 0 && (
                                <span
                                  className="text-amber-600"
                                  title={b.warnings.map((w) => translateMessage(t, w.message, w.details)).join("\n")}
                                  aria-label={t("duty.beat.warnings")}
                                >
                                  ⚠
                                </span>
                              )}
                            </span>
                            <span className="block text-slate-600">{shiftSpan(b.startsAt, b.endsAt)}</span>
                            <span className="block truncate text-slate-800">
                              {b.lead ? b.lead.name : <em className="text-red-700">{t("duty.board.noLead")}</em>}
                              {b.auxiliaries.length ? ` +${b.auxiliaries.length}` : ""}
                            </span>
                          </button>
                        ))}
                        {gaps.map((x) => (
                          <span
                            key={x.from}
                            className="rounded bg-red-50 px-1 text-[11px] text-red-700"
                            title={t("duty.warn.redUncovered", { day: x.day, from: x.from, to: x.to })}
                          >
                            ⚠ {x.from}–{x.to}
                          </span>
                        ))}
                        {canManage && (
                          <button
                            type="button"
                            onClick={() => setDialog({ mode: "create", gridId: g.id, day: d })}
                            className="mt-auto rounded border border-dashed border-slate-300 py-0.5 text-xs text-slate-500 hover:border-brand-500 hover:text-brand-700"
                            aria-label={`${t("duty.board.add")} ${g.name} ${d}`}
                            data-testid="add-beat"
                          >
                            +
                          </button>
                        )}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {dialog && (
        <BeatDialog
          state={dialog}
          board={board}
          onClose={() => setDialog(null)}
          onSaved={(warnings) => {
            setDialog(null);
            setNotice(warnings.length ? warnings.map((w) => translateMessage(t, w.message, w.details)) : null);
          }}
        />
      )}
    </div>
  );
}
