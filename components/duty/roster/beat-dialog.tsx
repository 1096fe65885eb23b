"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useI18n } from "@/lib/i18n/client";
import { addDays, localDate, localHhmm, localInstant } from "@/lib/time";
import { createBeatSchema, updateBeatSchema } from "@/lib/duty/schemas";
import { SHIFT_KINDS, SHIFT_PRESETS, type ShiftKind } from "@/lib/duty/shifts";
import type { RosterBoard } from "@/lib/duty/roster-board";
import type { BeatWarning } from "@/lib/duty/beat-rules";
import { cancelBeatAction, createBeatAction, updateBeatAction } from "@/lib/duty/actions";

type Beat = RosterBoard["beats"][number];
export type DialogState =
  { mode: "create"; gridId: string; day: string } | { mode: "edit"; beat: Beat; gridId: string; day: string } | null;

/** Create or edit a beat; the server's 409 (someone double-booked) is shown as it is. */
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

  const squad = board.unit.code;
  const officers = useMemo(
    () =>
      board.people
        .filter((p) => p.role === "OFFICER")
        .sort((a, b) => Number(b.unit.code === squad) - Number(a.unit.code === squad)),
    [board.people, squad],
  );
  const auxiliaries = useMemo(
    () =>
      board.people
        .filter(
          (p) =>
            p.role === "AUXILIARY" && (!filter || p.name.includes(filter) || (p.badgeNumber ?? "").includes(filter)),
        )
        .sort((a, b) => Number(b.unit.code === squad) - Number(a.unit.code === squad)),
    [board.people, squad, filter],
  );
  const gridPoints = board.points.filter((p) => p.gridId === gridId);
  const presets = SHIFT_PRESETS.filter((p) => p.kind === kind);
  const nextDay = to <= from;

  const submit = () => {
    const endDay = nextDay ? addDays(day, 1) : day;
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
  const name = (p: { nameZh: string; nameEn: string }) => (locale === "zh" ? p.nameZh : p.nameEn);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      className="m-auto w-[min(46rem,96vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
      data-testid="beat-dialog"
    >
      <div className="max-h-[90vh] space-y-3 overflow-y-auto p-5">
        <form
          id="beat-form"
          className="space-y-3"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <h2 className="text-lg font-semibold">{beat ? t("duty.beat.edit") : t("duty.beat.new")}</h2>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("duty.beat.grid")} htmlFor="b-grid" error={f.gridId} required>
              <Select id="b-grid" value={gridId} disabled={!!beat} onChange={(e) => setGridId(e.target.value)}>
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
                value={kind}
                onChange={(e) => {
                  const k = e.target.value as ShiftKind;
                  setKind(k);
                  const p = SHIFT_PRESETS.find((x) => x.kind === k);
                  if (p) {
                    setFrom(p.from);
                    setTo(p.to);
                  }
                }}
              >
                {SHIFT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`duty.shifts.${k}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <div className="space-y-1">
              <span className="block text-sm font-medium text-slate-700">{t("duty.beat.preset")}</span>
              <div className="flex flex-wrap gap-1">
                {presets.map((p) => (
                  <button
                    key={`${p.from}`}
                    type="button"
                    onClick={() => {
                      setFrom(p.from);
                      setTo(p.to);
                    }}
                    className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50"
                  >
                    {p.from}–{p.to}
                  </button>
                ))}
              </div>
            </div>
            <Field label={t("duty.beat.start")} htmlFor="b-from" error={f.startsAt} required>
              <Input
                id="b-from"
                type="time"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
                {...invalidProps("b-from", f.startsAt)}
              />
            </Field>
            <Field
              label={t("duty.beat.end")}
              htmlFor="b-to"
              error={f.endsAt}
              hint={nextDay ? t("duty.beat.nextDay") : undefined}
              required
            >
              <Input
                id="b-to"
                type="time"
                value={to}
                onChange={(e) => setTo(e.target.value)}
                {...invalidProps("b-to", f.endsAt)}
              />
            </Field>
            <Field label={t("duty.beat.lead")} htmlFor="b-lead" error={f.leadUserId} className="sm:col-span-2">
              <Select
                id="b-lead"
                value={lead}
                onChange={(e) => setLead(e.target.value)}
                {...invalidProps("b-lead", f.leadUserId)}
              >
                <option value="">{t("duty.beat.none")}</option>
                {officers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                    {p.badgeNumber ? ` (${p.badgeNumber})` : ""} · {name(p.unit)}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
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
            <div
              className="grid max-h-36 grid-cols-2 gap-x-3 overflow-y-auto rounded border border-slate-200 p-2 sm:grid-cols-3"
              data-testid="aux-list"
            >
              {auxiliaries.map((p) => (
                <label key={p.id} className="flex items-center gap-1.5 text-sm">
                  <input type="checkbox" checked={aux.includes(p.id)} onChange={() => toggle(aux, setAux, p.id)} />
                  <span className="truncate">{p.name}</span>
                </label>
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
            <div className="flex max-h-24 flex-wrap gap-x-4 gap-y-1 overflow-y-auto">
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
            <Textarea id="b-notes" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
          </Field>
        </form>
        {/* The footer sits outside the form: the cancel confirmation has a form of its own.
          Errors (e.g. the 409 naming who is double-booked) show here, next to the button. */}
        <FormErrors action={action} />
        <FormErrors action={cancel} />
        <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3">
          <div className="flex gap-2">
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
    </dialog>
  );
}
