"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useT } from "@/lib/i18n/client";
import { outreachTripSchema, servicePointSchema } from "@/lib/window/schemas";
import { savePointAction, saveTripAction } from "@/lib/window/actions";

type Units = { code: string; name: string }[];

const closeDialog = (el: Element | null) => el?.closest("dialog")?.close();

/** A labelled input for one field of `values`, with its server-side error (ids prefixed per form). */
function textFieldsFor<V extends object>(prefix: string, values: V | undefined, fields: Record<string, string>) {
  return function textField(
    name: keyof V & string,
    lbl: string,
    props: React.InputHTMLAttributes<HTMLInputElement> = {},
    required = false,
  ) {
    const v = values?.[name];
    return (
      <Field label={lbl} htmlFor={`${prefix}-${name}`} error={fields[name]} required={required}>
        <Input
          id={`${prefix}-${name}`}
          name={name}
          defaultValue={v === null || v === undefined ? "" : String(v)}
          {...props}
          {...invalidProps(`${prefix}-${name}`, fields[name])}
        />
      </Field>
    );
  };
}

const dialogClass = "m-auto w-[min(40rem,94vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40";

export interface TripValues {
  id?: string;
  tripDate?: string;
  township?: string;
  venue?: string | null;
  examSessions?: number;
  candidates?: number;
  passed?: number | null;
  notes?: string | null;
}

/** Log or edit an outreach trip (送考下乡). */
export function TripForm({
  trip,
  units,
  label,
  testId,
}: {
  trip?: TripValues;
  units: Units;
  label: string;
  testId?: string;
}) {
  const t = useT();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const { run, pending, fields, error, reset } = useAction(outreachTripSchema, saveTripAction);
  const text = textFieldsFor("trip", trip, fields);
  return (
    <>
      <Button
        variant={trip ? "secondary" : "primary"}
        size={trip ? "sm" : "md"}
        onClick={() => {
          reset();
          ref.current?.showModal();
        }}
        data-testid={testId}
      >
        {label}
      </Button>
      <dialog ref={ref} className={dialogClass}>
        <form
          className="space-y-3 p-5"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const f = e.currentTarget;
            run({ ...(formValues(f) as object), id: trip?.id } as never, (r) => {
              closeDialog(f);
              if (!trip) f.reset();
              router.push(`/window/trips/${(r as { id: string }).id}`);
              router.refresh();
            });
          }}
        >
          <h2 className="text-lg font-semibold">{label}</h2>
          <FormErrors action={{ error, fields }} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {text("tripDate", t("window.trips.date"), { type: "date" }, true)}
            {text("township", t("window.trips.township"), {}, true)}
            {text("venue", t("window.trips.venue"))}
            {!trip && units.length > 1 && (
              <Field label={t("window.f.unit")} htmlFor="trip-unit">
                <Select id="trip-unit" name="unitCode">
                  {units.map((u) => (
                    <option key={u.code} value={u.code}>
                      {u.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {text("examSessions", t("window.trips.examSessions"), { inputMode: "numeric" })}
            {text("candidates", t("window.trips.candidates"), { inputMode: "numeric" })}
            {text("passed", t("window.trips.passed"), { inputMode: "numeric" })}
          </div>
          <Field label={t("window.trips.notes")} htmlFor="trip-notes" error={fields.notes}>
            <Textarea id="trip-notes" name="notes" rows={2} defaultValue={trip?.notes ?? ""} />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("common.saving") : t("common.save")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

export interface PointValues {
  id?: string;
  name?: string;
  township?: string | null;
  village?: string;
  partner?: string | null;
  address?: string | null;
  lat?: number | null;
  lng?: number | null;
  phone?: string | null;
  openedOn?: string | null;
  closedOn?: string | null;
}

/** Add or edit a police–insurance service point (警保合作服务点). */
export function PointForm({
  point,
  units,
  label,
  testId,
}: {
  point?: PointValues;
  units: Units;
  label: string;
  testId?: string;
}) {
  const t = useT();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const { run, pending, fields, error, reset } = useAction(servicePointSchema, savePointAction);
  const text = textFieldsFor("pt", point, fields);
  return (
    <>
      <Button
        variant={point ? "secondary" : "primary"}
        size={point ? "sm" : "md"}
        onClick={() => {
          reset();
          ref.current?.showModal();
        }}
        data-testid={testId}
      >
        {label}
      </Button>
      <dialog ref={ref} className={dialogClass}>
        <form
          className="space-y-3 p-5"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const f = e.currentTarget;
            run({ ...(formValues(f) as object), id: point?.id } as never, () => {
              closeDialog(f);
              if (!point) f.reset();
              router.refresh();
            });
          }}
        >
          <h2 className="text-lg font-semibold">{label}</h2>
          <FormErrors action={{ error, fields }} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {text("name", t("window.points.name"), {}, true)}
            {!point && units.length > 1 && (
              <Field label={t("window.f.unit")} htmlFor="pt-unit">
                <Select id="pt-unit" name="unitCode">
                  {units.map((u) => (
                    <option key={u.code} value={u.code}>
                      {u.name}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            {text("township", t("window.points.township"))}
            {text("village", t("window.points.village"), {}, true)}
            {text("partner", t("window.points.partner"))}
            {text("phone", t("window.points.phone"))}
            {text("address", t("window.points.address"))}
            {text("lat", t("window.points.lat"), { inputMode: "decimal" })}
            {text("lng", t("window.points.lng"), { inputMode: "decimal" })}
            {text("openedOn", t("window.points.openedOn"), { type: "date" })}
            {text("closedOn", t("window.points.closedOn"), { type: "date" })}
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("common.saving") : t("common.save")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
