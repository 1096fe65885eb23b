"use client";
import { useRouter } from "next/navigation";
import { createContext, useContext, useRef } from "react";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { useFormKey } from "@/components/ui/form-key";
import { FormErrors } from "@/components/ui/form-errors";
import { formValues, useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useT } from "@/lib/i18n/client";
import {
  ACCIDENT_CAUSES,
  ACCIDENT_HANDLING,
  PARTY_ROLES,
  PLATE_COLORS,
  ROAD_TYPES,
  VEHICLE_TYPES,
  VIOLATION_SOURCES,
  WEATHER,
} from "@/lib/records/enums";
import type { IncidentPrefill } from "@/lib/incidents/prefill";
import { FromIncident } from "./from-incident";

/**
 * The parts the portal's record forms share (violations and accidents): the create form's
 * frame and submit bar, the labelled controls, and the edit dialog on a record's page with its
 * status steps. Each form keeps what is its own (penalty, parties, severity, …).
 */

/** Big controls for tablets. */
export const BIG = "h-12 text-base";

type Values = Record<string, unknown>;
type Action<R> = (input: never) => Promise<ActionResult<R>>;

/**
 * Creating a record: validates and sends once per content (idempotency key), then opens the
 * saved record at `${path}/${id}`. `prepare` turns the form's values into the input.
 */
export function useCreateRecord<R extends { id: string }>(
  schema: z.ZodType,
  action: Action<R>,
  path: string,
  prepare: (values: Values) => Values = (values) => values,
) {
  const router = useRouter();
  const formKey = useFormKey();
  const state = useAction(schema, action);
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = prepare(formValues(e.currentTarget));
    state.run({ ...values, idempotencyKey: formKey(values) } as never, (r) => router.push(`${path}/${r.id}`));
  };
  return { ...state, onSubmit };
}

/** A create form: its error summary and, when made for an incident, the link back; then the fields. */
export function CreateRecordForm({
  testId,
  create,
  prefill,
  children,
}: {
  testId: string;
  create: {
    onSubmit: (e: React.FormEvent<HTMLFormElement>) => void;
    error: string | null;
    fields: Record<string, string>;
  };
  prefill?: IncidentPrefill;
  children: React.ReactNode;
}) {
  return (
    <form noValidate className="space-y-6" data-testid={testId} onSubmit={create.onSubmit}>
      <FormErrors action={{ error: create.error, fields: create.fields }} />
      <FromIncident prefill={prefill} />
      <CreateFields.Provider value={create.fields}>{children}</CreateFields.Provider>
    </form>
  );
}

/** The create form's field errors, for the big controls inside it. */
const CreateFields = createContext<Record<string, string>>({});
/** Which of the create form's errors a big control shows: the one for this key, or none (null). */
type ErrorKey = string | null;
const useCreateError = (key: ErrorKey) => {
  const fields = useContext(CreateFields);
  return key === null ? undefined : fields[key];
};

/** A controlled control's value and setter. */
export type State = [string, (value: string) => void];
const controlled = (state?: State) =>
  state ? { value: state[0], onChange: (e: { target: { value: string } }) => state[1](e.target.value) } : {};

/** The save button, kept in reach at the bottom of a tablet's screen. */
export function SubmitBar({ pending, testId, label }: { pending: boolean; testId: string; label: string }) {
  const t = useT();
  return (
    <div className="sticky bottom-0 -mx-3 border-t border-slate-200 bg-white/95 p-3 backdrop-blur md:static md:mx-0 md:border-0 md:bg-transparent md:p-0">
      <Button type="submit" size="lg" className="w-full md:w-auto" disabled={pending} data-testid={testId}>
        {pending ? t("records.saving") : label}
      </Button>
    </div>
  );
}

/** A labelled input whose error is tied to it (`id` defaults to `name`). */
export function InputField({
  name,
  id = name,
  label,
  error,
  hint,
  required,
  fieldClassName,
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  name: string;
  id?: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  fieldClassName?: string;
}) {
  return (
    <Field label={label} htmlFor={id} error={error} hint={hint} required={required} className={fieldClassName}>
      <Input id={id} name={name} {...input} {...invalidProps(id, error)} />
    </Field>
  );
}

/**
 * A big input of a create form. Its error is the form's for `errorKey` (default: `name`; null:
 * none); `state` makes it controlled.
 */
export function BigInput({
  name,
  errorKey = name,
  state,
  ...input
}: Omit<React.ComponentProps<typeof InputField>, "error" | "className"> & { errorKey?: ErrorKey; state?: State }) {
  const error = useCreateError(errorKey);
  return <InputField name={name} error={error} className={BIG} {...input} {...controlled(state)} />;
}

/** When it happened: required, defaulting to now (as the page computed it). */
export function OccurredAtField({ defaultValue }: { defaultValue: string }) {
  const t = useT();
  return (
    <BigInput
      name="occurredAt"
      label={t("records.occurredAt")}
      required
      type="datetime-local"
      defaultValue={defaultValue}
    />
  );
}

/** The fixed lists the record forms choose from, by the namespace of their labels (`records.<ns>.<value>`). */
const CHOICES = {
  handlings: ACCIDENT_HANDLING,
  causes: ACCIDENT_CAUSES,
  weathers: WEATHER,
  roadTypes: ROAD_TYPES,
  partyRoles: PARTY_ROLES,
  sources: VIOLATION_SOURCES,
  plateColors: PLATE_COLORS,
  vehicleTypes: VEHICLE_TYPES,
} as const;
export type ChoiceList = keyof typeof CHOICES;

/** A labelled choice among one of the fixed lists (`of`); `blank` offers "—" first. */
export function EnumSelectField({
  name,
  id = name,
  label,
  error,
  of,
  blank,
  fieldClassName,
  ...select
}: Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  name: string;
  id?: string;
  label: string;
  error?: string;
  of: ChoiceList;
  blank?: boolean;
  fieldClassName?: string;
}) {
  const t = useT();
  return (
    <Field label={label} htmlFor={id} error={error} className={fieldClassName}>
      <Select id={id} name={name} {...select}>
        {blank && <option value="">—</option>}
        {CHOICES[of].map((v) => (
          <option key={v} value={v}>
            {t(`records.${of}.${v}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * A big choice of a create form, with the form's error for `errorKey` (as for BigInput). Uncontrolled
 * from `defaultValue` ("—" first when there is none), or controlled by `state` ("—" first with `blank`).
 */
export function BigSelect({
  name,
  errorKey = name,
  state,
  defaultValue = "",
  blank = !state && !defaultValue,
  ...select
}: Omit<React.ComponentProps<typeof EnumSelectField>, "error" | "className" | "value" | "onChange" | "defaultValue"> & {
  errorKey?: ErrorKey;
  state?: State;
  defaultValue?: string;
}) {
  const error = useCreateError(errorKey);
  const value = state ? controlled(state) : { defaultValue };
  return <EnumSelectField name={name} error={error} blank={blank} className={BIG} {...select} {...value} />;
}

/** Free notes on a record. */
export function NotesField({
  id = "notes",
  error,
  fieldClassName,
  ...textarea
}: Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  id?: string;
  error?: string;
  fieldClassName?: string;
}) {
  const t = useT();
  return (
    <Field label={t("records.notes")} htmlFor={id} error={error} className={fieldClassName}>
      <Textarea id={id} name="notes" {...textarea} />
    </Field>
  );
}

/** A big checkbox with its label beside it. */
export function CheckboxLabel({
  label,
  className = "flex items-center gap-3 text-base",
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string }) {
  return (
    <label className={className}>
      <input type="checkbox" className="h-6 w-6" {...input} />
      {label}
    </label>
  );
}

/** A record as the page read it: changes name the version they were made against (stale copies are refused). */
interface Versioned {
  id: string;
  updatedAt: string;
}

/**
 * A record's page actions: status steps (`go`) and the edit dialog (`ref`, `open`), both sent
 * against the version shown; the page is refreshed after each.
 */
export function useRecordActions<R>(record: Versioned, schema: z.ZodType, action: Action<R>) {
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const step = useAction(null, action);
  const edit = useAction(schema, action);
  const go = (status: string) =>
    step.run({ id: record.id, status, expectedUpdatedAt: record.updatedAt } as never, () => router.refresh());
  const open = () => {
    edit.reset();
    ref.current?.showModal();
  };
  const save = (values: Values) =>
    edit.run({ ...values, id: record.id, expectedUpdatedAt: record.updatedAt } as never, () => {
      ref.current?.close();
      router.refresh();
    });
  return { step, go, edit, ref, open, save };
}

/** The actions row (the status step's errors above it) and the edit dialog: its title, fields, cancel and save. */
export function RecordActionsPanel({
  actions,
  buttons,
  dialog,
  prepare = (values) => values,
  children,
}: {
  actions: ReturnType<typeof useRecordActions>;
  buttons: React.ReactNode;
  /** The edit dialog's title, width (a literal Tailwind class, e.g. `w-[min(36rem,94vw)]`) and save button's test id. */
  dialog: { title: string; width: string; saveTestId: string };
  /** The dialog's values as the action takes them. */
  prepare?: (values: Values) => Values;
  children: React.ReactNode;
}) {
  const t = useT();
  const { step, edit, ref, save } = actions;
  return (
    <div className="space-y-2">
      <FormErrors action={step} />
      <div className="flex flex-wrap gap-2">{buttons}</div>
      <dialog ref={ref} className={`m-auto ${dialog.width} rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40`}>
        <form
          noValidate
          className="space-y-3 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            save(prepare(formValues(e.currentTarget)));
          }}
        >
          <h2 className="text-lg font-semibold">{dialog.title}</h2>
          <FormErrors action={edit} />
          <div className="grid gap-3 sm:grid-cols-2">{children}</div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={edit.pending} data-testid={dialog.saveTestId}>
              {edit.pending ? t("records.saving") : t("common.save")}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
