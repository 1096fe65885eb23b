"use client";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { fieldsOf, SelectField, TextareaField, TextField } from "@/components/ui/form-fields";
import { FormDialog } from "@/components/ui/form-frames";
import { formValues, useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useT } from "@/lib/i18n/client";
import { assignComplaintSchema, closeComplaintSchema, createComplaintSchema } from "@/lib/window/schemas";
import { assignComplaintAction, closeComplaintAction, createComplaintAction } from "@/lib/window/actions";

/** A complaint's dialogs: opened by a small button, narrower than the record forms. */
const complaintDialog = { size: "sm", width: "w-[min(32rem,94vw)]" } as const;

/**
 * A complaint's action: `send` runs it and, once saved, closes the dialog and refreshes the
 * list; `field` names a field with its error.
 */
function useComplaintAction<I, R>(schema: z.ZodType, action: (input: I) => Promise<ActionResult<R>>) {
  const router = useRouter();
  const state = useAction(schema, action);
  const send = (input: I, close: () => void) =>
    state.run(input, () => {
      close();
      router.refresh();
    });
  return { ...state, send, field: fieldsOf(state.fields) };
}

export function CloseComplaint({ id }: { id: string }) {
  const t = useT();
  const action = useComplaintAction(closeComplaintSchema, closeComplaintAction);
  return (
    <FormDialog
      {...complaintDialog}
      variant="secondary"
      label={t("window.complaints.close")}
      title={t("window.complaints.closeTitle")}
      testId={`close-${id}`}
      action={action}
      submitLabel={t("window.complaints.close")}
      onSubmit={(f, close) => action.send({ id, closingNote: String(new FormData(f).get("closingNote") ?? "") }, close)}
    >
      <TextareaField
        {...action.field("closingNote", `note-${id}`)}
        label={t("window.complaints.closingNote")}
        required
        rows={3}
      />
    </FormDialog>
  );
}

export function AssignComplaint({
  id,
  ownerId,
  dueDate,
  owners,
}: {
  id: string;
  ownerId: string | null;
  dueDate: string;
  owners: { id: string; name: string }[];
}) {
  const t = useT();
  const action = useComplaintAction(assignComplaintSchema, assignComplaintAction);
  return (
    <FormDialog
      {...complaintDialog}
      variant="secondary"
      label={t("window.complaints.assign")}
      action={action}
      submitLabel={t("window.complaints.saveAssign")}
      onSubmit={(f, close) => action.send({ ...(formValues(f) as object), id } as never, close)}
    >
      <SelectField
        {...action.field("ownerId", `owner-${id}`)}
        label={t("window.complaints.owner")}
        defaultValue={ownerId ?? ""}
        blank={t("window.sup.unassigned")}
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
      />
      <TextField
        {...action.field("dueDate", `due-${id}`)}
        label={t("window.complaints.due")}
        required
        type="date"
        defaultValue={dueDate}
      />
    </FormDialog>
  );
}

export function NewComplaint({ units }: { units: { code: string; name: string }[] }) {
  const t = useT();
  const action = useComplaintAction(createComplaintSchema, createComplaintAction);
  return (
    <FormDialog
      {...complaintDialog}
      label={t("window.complaints.new")}
      testId="new-complaint"
      action={action}
      submitLabel={t("common.save")}
      onSubmit={(f, close) =>
        action.send(formValues(f) as never, () => {
          f.reset();
          close();
        })
      }
    >
      <SelectField
        id="c-source"
        name="source"
        label={t("window.complaints.source")}
        required
        defaultValue="phone"
        options={(["phone", "letter", "other"] as const).map((s) => ({
          value: s,
          label: t(`window.complaintSources.${s}`),
        }))}
      />
      <TextareaField
        {...action.field("summary", "c-summary")}
        label={t("window.complaints.summary")}
        required
        rows={3}
      />
      <SelectField
        {...action.field("unitCode", "c-unit")}
        label={t("window.f.unit")}
        required
        defaultValue={units[0]?.code}
        options={units.map((u) => ({ value: u.code, label: u.name }))}
      />
      <TextField
        {...action.field("dueDate", "c-due")}
        label={t("window.complaints.due")}
        hint={t("common.optional")}
        type="date"
      />
    </FormDialog>
  );
}
