"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { updateAccidentAction } from "@/lib/accidents/actions";
import { updateAccidentSchema } from "@/lib/accidents/schemas";
import { useT } from "@/lib/i18n/client";
import { EnumSelectField, InputField, NotesField, RecordActionsPanel, useRecordActions } from "./record-form-parts";

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
  const actions = useRecordActions(a, updateAccidentSchema, updateAccidentAction);
  const { edit } = actions;
  const count = (name: "deaths" | "injured") => (
    <InputField
      id={`u-${name}`}
      name={name}
      label={t(`records.${name}`)}
      error={edit.fields[name]}
      inputMode="numeric"
      defaultValue={a[name]}
    />
  );
  return (
    <RecordActionsPanel
      actions={actions}
      buttons={
        <>
          <Button variant="secondary" onClick={actions.open} data-testid="edit-accident">
            {t("records.editAccident")}
          </Button>
          {a.status === "open" && (
            <ConfirmButton
              variant="primary"
              size="md"
              message={t("common.areYouSure")}
              testId="close-accident"
              onConfirm={() => actions.go("closed")}
            >
              {t("records.closeAccident")}
            </ConfirmButton>
          )}
        </>
      }
      dialog={{ title: t("records.editAccident"), width: "w-[min(36rem,94vw)]", saveTestId: "save-accident-edit" }}
      prepare={(v) => ({ ...v, hitAndRunSolved: v.hitAndRunSolved ?? "false" })}
    >
      {count("deaths")}
      {count("injured")}
      <EnumSelectField
        id="u-handling"
        name="handling"
        label={t("records.handling")}
        of="handlings"
        defaultValue={a.handling}
      />
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
      <NotesField id="u-notes" fieldClassName="sm:col-span-2" rows={2} defaultValue={a.notes ?? ""} />
    </RecordActionsPanel>
  );
}
