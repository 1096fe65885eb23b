"use client";
import { useRouter } from "next/navigation";
import { SelectField, TextareaField, TextField } from "@/components/ui/form-fields";
import { FormDialog } from "@/components/ui/form-frames";
import { formValues, useAction } from "@/components/ui/use-action";
import { useT } from "@/lib/i18n/client";
import { outreachTripSchema, servicePointSchema } from "@/lib/window/schemas";
import { savePointAction, saveTripAction } from "@/lib/window/actions";

type Units = { code: string; name: string }[];

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
      <TextField
        id={`${prefix}-${name}`}
        name={name}
        label={lbl}
        error={fields[name]}
        required={required}
        defaultValue={v === null || v === undefined ? "" : String(v)}
        {...props}
      />
    );
  };
}

/** Which unit a new trip or point belongs to, when the user may record for more than one. */
function UnitChoice({ id, units }: { id: string; units: Units }) {
  const t = useT();
  if (units.length < 2) return null;
  const options = units.map((u) => ({ value: u.code, label: u.name }));
  return <SelectField id={id} name="unitCode" label={t("window.f.unit")} options={options} />;
}

/**
 * A place's dialog: a new one (primary button) or an edit (small secondary button), sent with
 * the record's id; a new one's form is cleared after saving.
 */
function PlaceDialog({
  label,
  testId,
  id,
  action,
  onSaved,
  children,
}: {
  label: string;
  testId?: string;
  /** The record edited; none for a new one. */
  id?: string;
  action: {
    run: (input: never, onOk: (saved: { id: string }) => void) => void;
    reset: () => void;
    error: string | null;
    fields: Record<string, string>;
    pending: boolean;
  };
  onSaved: (saved: { id: string }) => void;
  children: React.ReactNode;
}) {
  return (
    <FormDialog
      label={label}
      testId={testId}
      variant={id ? "secondary" : "primary"}
      size={id ? "sm" : "md"}
      action={action}
      onOpen={action.reset}
      onSubmit={(f, close) =>
        action.run({ ...(formValues(f) as object), id } as never, (r) => {
          close();
          if (!id) f.reset();
          onSaved(r);
        })
      }
    >
      {children}
    </FormDialog>
  );
}

/** What the pages give a place's form besides the record edited (none for a new one). */
interface PlaceFormProps {
  /** The units a new one may belong to (a choice is offered when there are two or more). */
  units: Units;
  /** The button's and the dialog's title. */
  label: string;
  testId?: string;
}

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
export function TripForm({ trip, units, label, testId }: PlaceFormProps & { trip?: TripValues }) {
  const t = useT();
  const router = useRouter();
  const action = useAction(outreachTripSchema, saveTripAction);
  const text = textFieldsFor("trip", trip, action.fields);
  const opened = (r: { id: string }) => {
    router.push(`/window/trips/${r.id}`);
    router.refresh();
  };
  return (
    <PlaceDialog label={label} testId={testId} id={trip?.id} action={action} onSaved={opened}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {text("tripDate", t("window.trips.date"), { type: "date" }, true)}
        {text("township", t("window.trips.township"), {}, true)}
        {text("venue", t("window.trips.venue"))}
        {!trip && <UnitChoice id="trip-unit" units={units} />}
        {text("examSessions", t("window.trips.examSessions"), { inputMode: "numeric" })}
        {text("candidates", t("window.trips.candidates"), { inputMode: "numeric" })}
        {text("passed", t("window.trips.passed"), { inputMode: "numeric" })}
      </div>
      <TextareaField
        id="trip-notes"
        name="notes"
        label={t("window.trips.notes")}
        error={action.fields.notes}
        rows={2}
        defaultValue={trip?.notes ?? ""}
      />
    </PlaceDialog>
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
export function PointForm({ point, units, label, testId }: PlaceFormProps & { point?: PointValues }) {
  const t = useT();
  const router = useRouter();
  const action = useAction(servicePointSchema, savePointAction);
  const text = textFieldsFor("pt", point, action.fields);
  return (
    <PlaceDialog label={label} testId={testId} id={point?.id} action={action} onSaved={() => router.refresh()}>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {text("name", t("window.points.name"), {}, true)}
        {!point && <UnitChoice id="pt-unit" units={units} />}
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
    </PlaceDialog>
  );
}
