"use client";
import { useRouter } from "next/navigation";
import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useT } from "@/lib/i18n/client";
import { FORM_SCHEMAS, type FormSchemaName } from "@/lib/form-schemas";
import { randomKey } from "./form-key";

export interface FieldSpec {
  name: string;
  label: string;
  type?: "text" | "number" | "date" | "datetime-local" | "textarea" | "select" | "checkbox";
  options?: { value: string; label: string }[];
  required?: boolean;
  defaultValue?: string | number | boolean | null;
  hint?: string;
  wide?: boolean;
  placeholder?: string;
}

/**
 * A button that opens a form in a dialog: the fields are described, the values validated
 * with the named zod schema, then sent to the server action; field errors come back next
 * to their fields. `hidden` values (the record's id…) are sent along.
 */
export function DialogForm({
  label,
  title,
  fields,
  schema,
  action,
  hidden,
  testId,
  variant = "primary",
  size = "md",
  after = "refresh",
}: {
  label: string;
  title: string;
  fields: FieldSpec[];
  schema: FormSchemaName;
  action: (input: never) => Promise<ActionResult<unknown>>;
  hidden?: Record<string, string>;
  testId?: string;
  variant?: "primary" | "secondary" | "ghost";
  size?: "sm" | "md";
  /** "refresh" the page, or a path to go to ({id} is the new record's id). */
  after?: string;
}) {
  const t = useT();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const key = useRef(randomKey());
  const uid = useId();
  const { run, pending, fields: errs, error, reset } = useAction(FORM_SCHEMAS[schema], action as never);
  return (
    <>
      <Button
        variant={variant}
        size={size}
        onClick={() => {
          reset();
          ref.current?.showModal();
        }}
        data-testid={testId}
      >
        {label}
      </Button>
      <dialog
        ref={ref}
        className="m-auto w-[min(42rem,94vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
        data-testid={testId ? `${testId}-dialog` : undefined}
      >
        <form
          noValidate
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            run({ ...formValues(form), ...hidden, idempotencyKey: key.current } as never, (data: unknown) => {
              const d = data as { id?: string } | undefined;
              ref.current?.close();
              form.reset();
              key.current = randomKey();
              if (after === "refresh" || !d?.id) router.refresh();
              else router.push(after.replace("{id}", d.id));
            });
          }}
        >
          <h2 className="text-lg font-semibold">{title}</h2>
          <FormErrors action={{ error, fields: errs }} />
          <div className="grid gap-3 sm:grid-cols-2">
            {fields.map((f) => {
              const id = `${uid}-${f.name}`;
              const err = errs[f.name];
              if (f.type === "checkbox") {
                return (
                  <div key={f.name} className="self-end pb-2">
                    <label className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name={f.name}
                        value="true"
                        defaultChecked={!!f.defaultValue}
                        className="h-5 w-5"
                      />
                      {f.label}
                    </label>
                    {err && (
                      <p className="text-sm text-red-600" role="alert">
                        {err}
                      </p>
                    )}
                  </div>
                );
              }
              const common = { id, name: f.name, placeholder: f.placeholder, ...invalidProps(id, err) };
              return (
                <Field
                  key={f.name}
                  label={f.label}
                  htmlFor={id}
                  error={err}
                  hint={f.hint}
                  required={f.required}
                  className={f.wide || f.type === "textarea" ? "sm:col-span-2" : undefined}
                >
                  {f.type === "select" ? (
                    <Select {...common} defaultValue={String(f.defaultValue ?? "")}>
                      {!f.required && <option value="">—</option>}
                      {f.options?.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </Select>
                  ) : f.type === "textarea" ? (
                    <Textarea {...common} rows={3} defaultValue={String(f.defaultValue ?? "")} />
                  ) : (
                    <Input
                      {...common}
                      type={f.type ?? "text"}
                      inputMode={f.type === "number" ? "numeric" : undefined}
                      defaultValue={
                        f.defaultValue === null || f.defaultValue === undefined ? "" : String(f.defaultValue)
                      }
                    />
                  )}
                </Field>
              );
            })}
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pending} data-testid={testId ? `${testId}-submit` : undefined}>
              {pending ? t("common.saving") : t("common.save")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
