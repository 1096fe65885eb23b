"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { updateAccidentAction } from "@/lib/accidents/actions";
import { updateAccidentSchema } from "@/lib/accidents/schemas";
import { useT } from "@/lib/i18n/client";
import { ACCIDENT_HANDLING } from "@/lib/records/enums";

interface Editable {
  id: string;
  updatedAt: string;
  status: string;
  deaths: number;
  injured: number;
  hitAndRun: boolean;
  hitAndRunSolved: boolean;
  handling: string;
  notes: string | null;
}

/** Updating an accident (counts that changed, hit-and-run solved, handling) and closing the case. */
export function AccidentActions({ a }: { a: Editable }) {
  const t = useT();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const edit = useAction(updateAccidentSchema, updateAccidentAction);
  const close = useAction(null, updateAccidentAction);
  return (
    <div className="space-y-2">
      <FormErrors action={close} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => {
            edit.reset();
            ref.current?.showModal();
          }}
          data-testid="edit-accident"
        >
          {t("records.editAccident")}
        </Button>
        {a.status === "open" && (
          <ConfirmButton
            variant="primary"
            size="md"
            message={t("common.areYouSure")}
            testId="close-accident"
            onConfirm={() =>
              close.run({ id: a.id, status: "closed", expectedUpdatedAt: a.updatedAt } as never, () => router.refresh())
            }
          >
            {t("records.closeAccident")}
          </ConfirmButton>
        )}
      </div>
      <dialog ref={ref} className="m-auto w-[min(36rem,94vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form
          noValidate
          className="space-y-3 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            const v = formValues(e.currentTarget);
            edit.run(
              {
                ...v,
                hitAndRunSolved: v.hitAndRunSolved ?? "false",
                id: a.id,
                expectedUpdatedAt: a.updatedAt,
              } as never,
              () => {
                ref.current?.close();
                router.refresh();
              },
            );
          }}
        >
          <h2 className="text-lg font-semibold">{t("records.editAccident")}</h2>
          <FormErrors action={edit} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("records.deaths")} htmlFor="u-deaths" error={edit.fields.deaths}>
              <Input
                id="u-deaths"
                name="deaths"
                inputMode="numeric"
                defaultValue={a.deaths}
                {...invalidProps("u-deaths", edit.fields.deaths)}
              />
            </Field>
            <Field label={t("records.injured")} htmlFor="u-injured" error={edit.fields.injured}>
              <Input
                id="u-injured"
                name="injured"
                inputMode="numeric"
                defaultValue={a.injured}
                {...invalidProps("u-injured", edit.fields.injured)}
              />
            </Field>
            <Field label={t("records.handling")} htmlFor="u-handling">
              <Select id="u-handling" name="handling" defaultValue={a.handling}>
                {ACCIDENT_HANDLING.map((h) => (
                  <option key={h} value={h}>
                    {t(`records.handlings.${h}`)}
                  </option>
                ))}
              </Select>
            </Field>
            {a.hitAndRun && (
              <label className="flex items-center gap-2 self-end pb-2">
                <input
                  type="checkbox"
                  name="hitAndRunSolved"
                  value="true"
                  defaultChecked={a.hitAndRunSolved}
                  className="h-5 w-5"
                />
                {t("records.hitAndRunSolved")}
              </label>
            )}
            <Field label={t("records.notes")} htmlFor="u-notes" className="sm:col-span-2">
              <Textarea id="u-notes" name="notes" rows={2} defaultValue={a.notes ?? ""} />
            </Field>
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={edit.pending} data-testid="save-accident-edit">
              {edit.pending ? t("records.saving") : t("common.save")}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
