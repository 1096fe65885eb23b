import type { ComponentProps } from "react";
import { DialogForm, type FieldSpec } from "@/components/ui/dialog-form";
import type { TFunction } from "@/lib/i18n/translate";
import { addActionAction, closeFindingAction } from "@/lib/keyvehicles/actions";
import { ACTION_KINDS } from "@/lib/records/enums";

/** What the steps of an open finding need to know of it. */
interface OpenFinding {
  id: string;
  keyDriverId: string | null;
  keyVehicleId: string | null;
  actions: readonly unknown[];
}

/** One step: its dialog's id (in its test id), words, schema, server action, hidden values and fields. */
type Step = Pick<ComponentProps<typeof DialogForm>, "label" | "schema" | "action" | "hidden" | "fields"> & {
  id: string;
};

/**
 * The next steps of an open finding (closed-loop supervision), each a small dialog: take an
 * action (one that fits what the finding names), and, once an action was taken, close it (销号).
 */
export function FindingActions({ t, finding: f }: { t: TFunction; finding: OpenFinding }) {
  const kinds = ACTION_KINDS.filter(
    (k) => (k !== "driver_dismissal" || f.keyDriverId) && (k !== "inspection_enforced" || f.keyVehicleId),
  );
  const action: FieldSpec[] = [
    {
      name: "kind",
      label: t("keyvehicles.actionKind"),
      type: "select",
      required: true,
      defaultValue: "notice_letter",
      options: kinds.map((k) => ({ value: k, label: t(`keyvehicles.actionKinds.${k}`) })),
    },
    ...(f.keyVehicleId
      ? [{ name: "newInspectionDue", label: t("keyvehicles.newInspectionDue"), type: "date" as const }]
      : []),
    { name: "note", label: t("keyvehicles.note"), type: "textarea" },
  ];
  const close: FieldSpec[] = [
    { name: "closingNote", label: t("keyvehicles.closingNote"), type: "textarea", required: true },
  ];
  const steps: Step[] = [
    {
      id: "action",
      label: t("keyvehicles.addAction"),
      schema: "action",
      action: addActionAction,
      hidden: { findingId: f.id },
      fields: action,
    },
  ];
  if (f.actions.length > 0) {
    steps.push({
      id: "close",
      label: t("keyvehicles.closeFinding"),
      schema: "closeFinding",
      action: closeFindingAction,
      hidden: { id: f.id },
      fields: close,
    });
  }
  return (
    <div className="flex flex-wrap gap-2">
      {steps.map((s) => (
        <DialogForm
          key={s.id}
          label={s.label}
          title={s.label}
          schema={s.schema}
          action={s.action}
          hidden={s.hidden}
          size="sm"
          variant="secondary"
          testId={`${s.id}-${f.id}`}
          fields={s.fields}
        />
      ))}
    </div>
  );
}
