"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { updateViolationAction } from "@/lib/violations/actions";
import { useT } from "@/lib/i18n/client";
import { PLATE_COLORS, VEHICLE_TYPES } from "@/lib/records/enums";
import { updateViolationSchema } from "@/lib/violations/schemas";

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
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const step = useAction(null, updateViolationAction);
  const edit = useAction(updateViolationSchema, updateViolationAction);
  const go = (status: string) =>
    step.run({ id: v.id, status, expectedUpdatedAt: v.updatedAt } as never, () => router.refresh());
  return (
    <div className="space-y-2">
      <FormErrors action={step} />
      <div className="flex flex-wrap gap-2">
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
        <Button
          variant="secondary"
          onClick={() => {
            edit.reset();
            ref.current?.showModal();
          }}
          data-testid="edit-violation"
        >
          {t("records.edit")}
        </Button>
      </div>
      <dialog ref={ref} className="m-auto w-[min(40rem,94vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form
          noValidate
          className="space-y-3 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            edit.run({ ...formValues(e.currentTarget), id: v.id, expectedUpdatedAt: v.updatedAt } as never, () => {
              ref.current?.close();
              router.refresh();
            });
          }}
        >
          <h2 className="text-lg font-semibold">{t("records.editViolation")}</h2>
          <FormErrors action={edit} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label={t("records.plate")} htmlFor="e-plate" error={edit.fields.plate}>
              <Input
                id="e-plate"
                name="plate"
                defaultValue={v.plate ?? ""}
                {...invalidProps("e-plate", edit.fields.plate)}
              />
            </Field>
            <Field label={t("records.plateColor")} htmlFor="e-plateColor">
              <Select id="e-plateColor" name="plateColor" defaultValue={v.plateColor ?? ""}>
                <option value="">—</option>
                {PLATE_COLORS.map((c) => (
                  <option key={c} value={c}>
                    {t(`records.plateColors.${c}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("records.vehicleType")} htmlFor="e-vehicleType">
              <Select id="e-vehicleType" name="vehicleType" defaultValue={v.vehicleType ?? ""}>
                <option value="">—</option>
                {VEHICLE_TYPES.map((x) => (
                  <option key={x} value={x}>
                    {t(`records.vehicleTypes.${x}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("records.roadName")} htmlFor="e-roadName" error={edit.fields.roadName}>
              <Input id="e-roadName" name="roadName" defaultValue={v.roadName ?? ""} />
            </Field>
            <Field
              label={t("records.address")}
              htmlFor="e-address"
              error={edit.fields.address}
              className="sm:col-span-2"
            >
              <Input id="e-address" name="address" defaultValue={v.address ?? ""} />
            </Field>
            {canPenalize && (
              <>
                <Field label={t("records.fineYuan")} htmlFor="e-fine" error={edit.fields.fineYuan}>
                  <Input
                    id="e-fine"
                    name="fineYuan"
                    inputMode="numeric"
                    defaultValue={v.fineYuan ?? ""}
                    {...invalidProps("e-fine", edit.fields.fineYuan)}
                  />
                </Field>
                <Field label={t("records.points")} htmlFor="e-points" error={edit.fields.points}>
                  <Input id="e-points" name="points" inputMode="numeric" defaultValue={v.points ?? ""} />
                </Field>
              </>
            )}
            <Field label={t("records.notes")} htmlFor="e-notes" className="sm:col-span-2">
              <Textarea id="e-notes" name="notes" rows={2} defaultValue={v.notes ?? ""} />
            </Field>
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={edit.pending} data-testid="save-edit">
              {edit.pending ? t("records.saving") : t("common.save")}
            </Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
