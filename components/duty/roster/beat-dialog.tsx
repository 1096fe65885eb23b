"use client";
import { clsx } from "clsx";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { FormErrors } from "@/components/ui/form-errors";
import { useAction } from "@/components/ui/use-action";
import { useI18n } from "@/lib/i18n/client";
import { addDays, localDate, localHhmm, localInstant } from "@/lib/time";
import { createBeatSchema, updateBeatSchema } from "@/lib/duty/schemas";
import { SHIFT_KINDS, SHIFT_PRESETS, type ShiftKind } from "@/lib/duty/shifts";
import type { RosterBoard } from "@/lib/duty/roster-board";
import type { BeatWarning } from "@/lib/duty/beat-rules";
import type { PersonAvailability } from "@/lib/duty/availability";
import { cancelBeatAction, createBeatAction, updateBeatAction } from "@/lib/duty/actions";
import { shiftSpan } from "./format";

type Beat = RosterBoard["beats"][number];
export type DialogState =
  { mode: "create"; gridId: string; day: string } | { mode: "edit"; beat: Beat; gridId: string; day: string } | null;

/**
 * Who is on duty or short of rest at the chosen time, for everyone who could be picked
 * (GET /api/v1/beats/availability, lib/duty/availability.ts), refreshed as the time changes.
 */
function useAvailability(unit: string, startsAt: string | null, endsAt: string | null, except: string | null) {
  const [state, setState] = useState<{ key: string; people: Record<string, PersonAvailability> } | null>(null);
  const key = startsAt && endsAt ? `${startsAt}|${endsAt}` : "";
  useEffect(() => {
    if (!startsAt || !endsAt) return;
    const ctl = new AbortController();
    const q = new URLSearchParams({ unit, startsAt, endsAt, ...(except ? { except } : {}) });
    const timer = setTimeout(() => {
      fetch(`/api/v1/beats/availability?${q}`, { signal: ctl.signal })
        .then((r) => (r.ok ? r.json() : null))
        .then((body) => body && setState({ key: `${startsAt}|${endsAt}`, people: body.people }))
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [unit, startsAt, endsAt, except]);
  return { people: state?.key === key ? state.people : null, checking: !!key && state?.key !== key };
}

/** "已在勤" / "休息不足" next to a person. */
function Marks({
  busy,
  rest,
  busyLabel,
  restLabel,
}: {
  busy: boolean;
  rest: boolean;
  busyLabel: string;
  restLabel: string;
}) {
  return (
    <>
      {busy && (
        <span className="shrink-0 rounded bg-red-100 px-1 text-xs text-red-800" data-testid="mark-busy">
          {busyLabel}
        </span>
      )}
      {rest && (
        <span className="shrink-0 rounded bg-amber-100 px-1 text-xs text-amber-900" data-testid="mark-rest">
          {restLabel}
        </span>
      )}
    </>
  );
}

/**
 * Create or edit a beat. As people are picked the dialog marks who is already on duty at
 * that time and who would be short of rest, and lists every conflict before saving; the
 * server's 409 (the database constraint) stays the final word. One scroll area between a
 * fixed header and footer, so 保存 is always on screen.
 */
export function BeatDialog({
  state,
  board,
  onClose,
  onSaved,
}: {
  state: NonNullable<DialogState>;
  board: RosterBoard;
  onClose: () => void;
  onSaved: (w: BeatWarning[]) => void;
}) {
  const { t, locale } = useI18n();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const beat = state.mode === "edit" ? state.beat : null;
  const [gridId, setGridId] = useState(state.gridId);
  const [day, setDay] = useState(beat ? localDate(new Date(beat.startsAt)) : state.day);
  const [kind, setKind] = useState<ShiftKind>((beat?.shiftKind as ShiftKind) ?? "morning_peak");
  const [from, setFrom] = useState(beat ? localHhmm(new Date(beat.startsAt)) : "07:00");
  const [to, setTo] = useState(beat ? localHhmm(new Date(beat.endsAt)) : "09:00");
  const [overnight, setOvernight] = useState(
    beat ? localDate(new Date(beat.endsAt)) !== localDate(new Date(beat.startsAt)) : false,
  );
  const [lead, setLead] = useState(beat?.lead?.id ?? "");
  const [aux, setAux] = useState<string[]>(beat?.auxiliaries.map((a) => a.id) ?? []);
  const [points, setPoints] = useState<string[]>(beat?.mustReachPoints.map((p) => p.id) ?? []);
  const [types, setTypes] = useState<string[]>(beat?.mustCorrectTypes ?? []);
  const [notes, setNotes] = useState(beat?.notes ?? "");
  const [filter, setFilter] = useState("");
  const create = useAction(createBeatSchema, createBeatAction);
  const update = useAction(updateBeatSchema, updateBeatAction);
  const cancel = useAction(null, cancelBeatAction);
  const action = beat ? update : create;

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  // An end before the start is a shift past midnight only when the user says so.
  const endDay = overnight ? addDays(day, 1) : day;
  const endsBeforeStart = !overnight && to <= from;
  const valid = !!day && !!from && !!to && !endsBeforeStart;
  const avail = useAvailability(
    board.unit.code,
    valid ? localInstant(day, from).toISOString() : null,
    valid ? localInstant(endDay, to).toISOString() : null,
    beat?.id ?? null,
  );

  const squad = board.unit.code;
  // The squad's own people first.
  const people = useMemo(
    () => [...board.people].sort((a, b) => Number(b.unit.code === squad) - Number(a.unit.code === squad)),
    [board.people, squad],
  );
  const officers = people.filter((p) => p.role === "OFFICER");
  const auxiliaries = people.filter(
    (p) =>
      p.role === "AUXILIARY" &&
      (!filter || p.name.includes(filter) || (p.badgeNumber ?? "").includes(filter) || aux.includes(p.id)),
  );
  const groups: { code: string; unit: (typeof auxiliaries)[number]["unit"]; people: typeof auxiliaries }[] = [];
  for (const p of auxiliaries) {
    const g = groups.find((x) => x.code === p.unit.code);
    if (g) g.people.push(p);
    else groups.push({ code: p.unit.code, unit: p.unit, people: [p] });
  }
  const gridPoints = board.points.filter((p) => p.gridId === gridId);
  const presets = SHIFT_PRESETS.filter((p) => p.kind === kind);
  const name = (p: { nameZh: string; nameEn: string }) => (locale === "zh" ? p.nameZh : p.nameEn);
  const who = (p: RosterBoard["people"][number]) => [p.name, p.badgeNumber, name(p.unit)].filter(Boolean).join(" · ");
  const status = (id: string) => {
    const a = avail.people?.[id];
    return { busy: !!a?.busy.length, rest: !!a?.shortRest.length };
  };

  // Every conflict of the people picked, listed at once.
  const picked = [...(lead ? [lead] : []), ...aux];
  const byId = new Map(board.people.map((p) => [p.id, p]));
  const conflicts = picked.flatMap((id) => {
    const a = avail.people?.[id];
    const person = byId.get(id)?.name ?? "";
    if (!a) return [];
    return [
      ...a.busy.map((b) => ({
        id: `${id}-busy-${b.beatId}`,
        hard: true,
        text: t(b.grid ? "duty.beat.busyWith" : "duty.beat.busyOther", {
          person,
          grid: b.grid ?? "",
          when: `${localDate(new Date(b.startsAt)).slice(5)} ${shiftSpan(b.startsAt, b.endsAt)}`,
        }),
      })),
      ...a.shortRest.map((r) => ({
        id: `${id}-rest-${r.beatId}`,
        hard: false,
        text: t(r.grid ? "duty.beat.restWith" : "duty.beat.restOther", { person, grid: r.grid ?? "", hours: r.hours }),
      })),
    ];
  });

  const submit = () => {
    const body = {
      startsAt: localInstant(day, from).toISOString(),
      endsAt: localInstant(endDay, to).toISOString(),
      shiftKind: kind,
      leadUserId: lead || null,
      auxiliaryUserIds: aux,
      mustReachPointIds: points.filter((id) => gridPoints.some((p) => p.id === id)),
      mustCorrectTypes: types,
      notes,
    };
    const onOk = (d: { warnings: BeatWarning[] }) => {
      router.refresh();
      onSaved(d.warnings);
    };
    if (beat) update.run({ ...body, id: beat.id, version: beat.version } as never, onOk);
    else create.run({ ...body, gridId } as never, onOk);
  };
  const f = action.fields;
  const toggle = (list: string[], set: (v: string[]) => void, id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const choosePreset = (p: { from: string; to: string }) => {
    setFrom(p.from);
    setTo(p.to);
    setOvernight(p.to <= p.from);
  };
  const marks = (id: string) => (
    <Marks {...status(id)} busyLabel={t("duty.beat.onDuty")} restLabel={t("duty.beat.shortRest")} />
  );

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="beat-dialog-title"
      className="m-auto w-[min(52rem,96vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      data-testid="beat-dialog"
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <h2 id="beat-dialog-title" className="border-b border-slate-100 px-5 py-3 text-lg font-semibold">
          {beat ? t("duty.beat.edit") : t("duty.beat.new")}
        </h2>
        <form
          id="beat-form"
          className="min-h-0 flex-1 space-y-3 overflow-y-auto px-5 py-3"
          noValidate
          data-testid="beat-form"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div className="grid gap-3 sm:grid-cols-4">
            <Field label={t("duty.beat.grid")} htmlFor="b-grid" error={f.gridId} required className="sm:col-span-2">
              <Select
                id="b-grid"
                name="gridId"
                value={gridId}
                disabled={!!beat}
                onChange={(e) => setGridId(e.target.value)}
              >
                {board.grids.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("duty.beat.date")} htmlFor="b-day" required>
              <Input id="b-day" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
            </Field>
            <Field label={t("duty.beat.shift")} htmlFor="b-kind" error={f.shiftKind} required>
              <Select
                id="b-kind"
                name="shiftKind"
                value={kind}
                onChange={(e) => {
                  const k = e.target.value as ShiftKind;
                  setKind(k);
                  const p = SHIFT_PRESETS.find((x) => x.kind === k);
                  if (p) choosePreset(p);
                }}
              >
                {SHIFT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`duty.shifts.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("duty.beat.start")} htmlFor="b-from" error={f.startsAt} required>
              <Input
                id="b-from"
                name="startsAt"
                type="time"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                {...invalidProps("b-from", f.startsAt)}
              />
            </Field>
            <Field
              label={t("duty.beat.end")}
              htmlFor="b-to"
              error={f.endsAt ?? (endsBeforeStart ? t("duty.beat.endBeforeStart") : undefined)}
              required
            >
              <Input
                id="b-to"
                name="endsAt"
                type="time"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                {...invalidProps("b-to", f.endsAt ?? (endsBeforeStart ? "x" : undefined))}
              />
            </Field>
            <label className="flex items-center gap-2 self-end pb-2 text-sm sm:col-span-2">
              <input
                type="checkbox"
                checked={overnight}
                onChange={(e) => setOvernight(e.target.checked)}
                data-testid="beat-overnight"
              />
              {t("duty.beat.overnight")}
              {overnight && <span className="text-slate-600">({t("duty.beat.endsOn", { day: endDay })})</span>}
            </label>
            {presets.length > 0 && (
              <div className="flex flex-wrap items-center gap-1 sm:col-span-4">
                <span className="text-sm text-slate-700">{t("duty.beat.preset")}</span>
                {presets.map((p) => (
                  <button
                    key={`${p.from}`}
                    type="button"
                    onClick={() => choosePreset(p)}
                    className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50"
                  >
                    {p.from}–{p.to}
                  </button>
                ))}
              </div>
            )}
            <Field label={t("duty.beat.lead")} htmlFor="b-lead" error={f.leadUserId} className="sm:col-span-4">
              <Select
                id="b-lead"
                name="leadUserId"
                value={lead}
                onChange={(e) => setLead(e.target.value)}
                {...invalidProps("b-lead", f.leadUserId)}
              >
                <option value="">{t("duty.beat.none")}</option>
                {officers.map((p) => {
                  const s = status(p.id);
                  const marks = [s.busy && t("duty.beat.onDuty"), s.rest && t("duty.beat.shortRest")].filter(Boolean);
                  return (
                    <option key={p.id} value={p.id}>
                      {who(p)}
                      {marks.length ? ` — ${marks.join("、")}` : ""}
                    </option>
                  );
                })}
              </Select>
            </Field>
          </div>
          {lead && (status(lead).busy || status(lead).rest) && (
            <p className="-mt-2 flex gap-1 text-sm" data-testid="lead-marks">
              {marks(lead)}
            </p>
          )}
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium text-slate-700">
              {t("duty.beat.auxiliaries")} ({aux.length})
            </legend>
            <Input
              placeholder={t("duty.beat.searchPeople")}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              aria-label={t("duty.beat.searchPeople")}
              className="mb-1"
            />
            {f.auxiliaryUserIds && (
              <p role="alert" className="text-sm text-red-600">
                {f.auxiliaryUserIds}
              </p>
            )}
            <div className="space-y-1.5 rounded border border-slate-200 p-2" data-testid="aux-list">
              {/* Grouped by unit (the squad's own first), so each line has room for name and badge number. */}
              {groups.map((g) => (
                <div key={g.code} role="group" aria-label={name(g.unit)}>
                  <p className="text-xs font-medium text-slate-600">{name(g.unit)}</p>
                  <div className="grid grid-cols-2 gap-x-3 gap-y-0.5 sm:grid-cols-3 lg:grid-cols-4">
                    {g.people.map((p) => (
                      <label
                        key={p.id}
                        className={clsx(
                          "flex min-w-0 flex-wrap items-center gap-x-1.5 rounded px-1 text-sm",
                          aux.includes(p.id) && (status(p.id).busy ? "bg-red-50" : "bg-brand-50"),
                        )}
                        data-person={p.id}
                      >
                        <input
                          type="checkbox"
                          name="auxiliaryUserIds"
                          checked={aux.includes(p.id)}
                          onChange={() => toggle(aux, setAux, p.id)}
                          aria-label={who(p)}
                        />
                        <span>{p.name}</span>
                        {p.badgeNumber && <span className="text-xs tabular-nums text-slate-600">{p.badgeNumber}</span>}
                        {marks(p.id)}
                      </label>
                    ))}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
          {gridPoints.length > 0 && (
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">{t("duty.beat.points")}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {gridPoints.map((p) => (
                  <label key={p.id} className="flex items-center gap-1.5 text-sm">
                    <input
                      type="checkbox"
                      checked={points.includes(p.id)}
                      onChange={() => toggle(points, setPoints, p.id)}
                    />{" "}
                    {p.name}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">{t("duty.beat.types")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {board.violationTypes.map((v) => (
                <label key={v.key} className="flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    checked={types.includes(v.key)}
                    onChange={() => toggle(types, setTypes, v.key)}
                  />{" "}
                  {locale === "zh" ? v.nameZh : v.nameEn}
                </label>
              ))}
            </div>
          </fieldset>
          <Field label={t("duty.beat.notes")} htmlFor="b-notes" error={f.notes}>
            <Textarea id="b-notes" name="notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </Field>
        </form>
        {/* The footer sits outside the form (the cancel confirmation has a form of its own) and
          outside the scroll area: the conflicts and errors show next to 保存, always in view. */}
        <div className="space-y-2 border-t border-slate-100 px-5 py-3">
          {conflicts.length > 0 && (
            <div
              role="status"
              className="max-h-28 overflow-y-auto rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950"
              data-testid="beat-conflicts"
            >
              <p className="font-medium">{t("duty.beat.conflicts", { n: conflicts.length })}</p>
              <ul className="list-disc pl-5">
                {conflicts.map((c) => (
                  <li key={c.id} className={c.hard ? "text-red-800" : undefined}>
                    {c.text}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <FormErrors action={action} />
          <FormErrors action={cancel} />
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="flex items-center gap-2">
              {beat && (
                <>
                  <ConfirmButton
                    testId="cancel-beat"
                    message={t("duty.beat.cancelConfirm")}
                    confirmLabel={t("duty.beat.cancelBeat")}
                    onConfirm={() =>
                      cancel.run({ id: beat.id }, () => {
                        router.refresh();
                        onClose();
                      })
                    }
                  >
                    {t("duty.beat.cancelBeat")}
                  </ConfirmButton>
                  <ButtonLink href={`/beats/${beat.id}`} size="sm" variant="ghost">
                    {t("duty.beat.history")}
                  </ButtonLink>
                </>
              )}
              {avail.checking && picked.length > 0 && (
                <span className="text-xs text-slate-600" role="status">
                  {t("duty.beat.checking")}
                </span>
              )}
            </div>
            <div className="flex gap-2">
              <Button variant="secondary" onClick={() => ref.current?.close()}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" form="beat-form" disabled={action.pending} data-testid="save-beat">
                {action.pending ? t("common.saving") : t("duty.beat.save")}
              </Button>
            </div>
          </div>
        </div>
      </div>
    </dialog>
  );
}
