"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input } from "@/components/ui/field";
import { updateViolationAction } from "@/lib/violations/actions";
import { useT } from "@/lib/i18n/client";
import { updateViolationSchema } from "@/lib/violations/schemas";
import {
  EnumSelectField,
  InputField,
  NotesField,
  RecordActionsPanel,
  useRecordActions,
  type ChoiceList,
} from "./record-form-parts";

interface Editable {
  id: string;
  status: string;
  updatedAt: string;
  address: string | null;
  roadName: string | null;
  plate: string | null;
  plateColor: string | null;
  vehicleType: string | null;
  notes: string | null;
  fineYuan: number | null;
  points: number | null;
}

/** Status steps (notified, closed) and corrections, for those with violation.update; stale copies are refused. */
export function ViolationActions({ v, canPenalize }: { v: Editable; canPenalize: boolean }) {
  const t = useT();
  const actions = useRecordActions(v, updateViolationSchema, updateViolationAction);
  const { step, edit, go } = actions;
  /** A vehicle detail to correct, or to clear ("—"). */
  const choice = (name: "plateColor" | "vehicleType", of: ChoiceList) => (
    <EnumSelectField
      id={`e-${name}`}
      name={name}
      label={t(`records.${name}`)}
      of={of}
      blank
      defaultValue={v[name] ?? ""}
    />
  );
  return (
    <RecordActionsPanel
      actions={actions}
      buttons={
        <>
          {v.status === "recorded" && (
            <Button
              variant="secondary"
              onClick={() => go("notified")}
              disabled={step.pending}
              data-testid="mark-notified"
            >
              {t("records.markNotified")}
            </Button>
          )}
          {["recorded", "notified", "upheld"].includes(v.status) && (
            <ConfirmButton
              variant="primary"
              size="md"
              message={t("common.areYouSure")}
              onConfirm={() => go("closed")}
              testId="mark-closed"
            >
              {t("records.markClosed")}
            </ConfirmButton>
          )}
          <Button variant="secondary" onClick={actions.open} data-testid="edit-violation">
            {t("records.edit")}
          </Button>
        </>
      }
      dialog={{ title: t("records.editViolation"), width: "w-[min(40rem,94vw)]", saveTestId: "save-edit" }}
    >
      <InputField
        id="e-plate"
        name="plate"
        label={t("records.plate")}
        error={edit.fields.plate}
        defaultValue={v.plate ?? ""}
      />
      {choice("plateColor", "plateColors")}
      {choice("vehicleType", "vehicleTypes")}
      <Field label={t("records.roadName")} htmlFor="e-roadName" error={edit.fields.roadName}>
        <Input id="e-roadName" name="roadName" defaultValue={v.roadName ?? ""} />
      </Field>
      <Field label={t("records.address")} htmlFor="e-address" error={edit.fields.address} className="sm:col-span-2">
        <Input id="e-address" name="address" defaultValue={v.address ?? ""} />
      </Field>
      {canPenalize && (
        <>
          <InputField
            id="e-fine"
            name="fineYuan"
            label={t("records.fineYuan")}
            error={edit.fields.fineYuan}
            inputMode="numeric"
            defaultValue={v.fineYuan ?? ""}
          />
          <Field label={t("records.points")} htmlFor="e-points" error={edit.fields.points}>
            <Input id="e-points" name="points" inputMode="numeric" defaultValue={v.points ?? ""} />
          </Field>
        </>
      )}
      <NotesField id="e-notes" fieldClassName="sm:col-span-2" rows={2} defaultValue={v.notes ?? ""} />
    </RecordActionsPanel>
  );
}
