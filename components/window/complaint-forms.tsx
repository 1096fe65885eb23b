"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useT } from "@/lib/i18n/client";
import { assignComplaintSchema, closeComplaintSchema, createComplaintSchema } from "@/lib/window/schemas";
import { assignComplaintAction, closeComplaintAction, createComplaintAction } from "@/lib/window/actions";

/** A dialog opened by a button; the form inside closes it when saved. */
function DialogButton({
  label,
  testId,
  variant = "secondary",
  children,
}: {
  label: string;
  testId?: string;
  variant?: "primary" | "secondary";
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button size="sm" variant={variant} onClick={() => ref.current?.showModal()} data-testid={testId}>
        {label}
      </Button>
      <dialog ref={ref} className="m-auto w-[min(32rem,94vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        {children}
      </dialog>
    </>
  );
}

/** Closes the dialog an element sits in. */
export const closeDialog = (el: Element | null) => el?.closest("dialog")?.close();

export function CloseComplaint({ id }: { id: string }) {
  const t = useT();
  const router = useRouter();
  const { run, pending, fields, error } = useAction(closeComplaintSchema, closeComplaintAction);
  return (
    <DialogButton label={t("window.complaints.close")} testId={`close-${id}`}>
      <form
        className="space-y-3 p-5"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const f = e.currentTarget;
          run({ id, closingNote: String(new FormData(f).get("closingNote") ?? "") }, () => {
            closeDialog(f);
            router.refresh();
          });
        }}
      >
        <h2 className="text-lg font-semibold">{t("window.complaints.closeTitle")}</h2>
        <FormErrors action={{ error, fields }} />
        <Field label={t("window.complaints.closingNote")} htmlFor={`note-${id}`} error={fields.closingNote} required>
          <Textarea id={`note-${id}`} name="closingNote" rows={3} {...invalidProps(`note-${id}`, fields.closingNote)} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {t("window.complaints.close")}
          </Button>
        </div>
      </form>
    </DialogButton>
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
  const router = useRouter();
  const { run, pending, fields, error } = useAction(assignComplaintSchema, assignComplaintAction);
  return (
    <DialogButton label={t("window.complaints.assign")}>
      <form
        className="space-y-3 p-5"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const f = e.currentTarget;
          run({ ...(formValues(f) as object), id } as never, () => {
            closeDialog(f);
            router.refresh();
          });
        }}
      >
        <h2 className="text-lg font-semibold">{t("window.complaints.assign")}</h2>
        <FormErrors action={{ error, fields }} />
        <Field label={t("window.complaints.owner")} htmlFor={`owner-${id}`} error={fields.ownerId}>
          <Select id={`owner-${id}`} name="ownerId" defaultValue={ownerId ?? ""}>
            <option value="">{t("window.sup.unassigned")}</option>
            {owners.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("window.complaints.due")} htmlFor={`due-${id}`} error={fields.dueDate} required>
          <Input id={`due-${id}`} name="dueDate" type="date" defaultValue={dueDate} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {t("window.complaints.saveAssign")}
          </Button>
        </div>
      </form>
    </DialogButton>
  );
}

export function NewComplaint({ units }: { units: { code: string; name: string }[] }) {
  const t = useT();
  const router = useRouter();
  const { run, pending, fields, error } = useAction(createComplaintSchema, createComplaintAction);
  return (
    <DialogButton label={t("window.complaints.new")} variant="primary" testId="new-complaint">
      <form
        className="space-y-3 p-5"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const f = e.currentTarget;
          run(formValues(f) as never, () => {
            f.reset();
            closeDialog(f);
            router.refresh();
          });
        }}
      >
        <h2 className="text-lg font-semibold">{t("window.complaints.new")}</h2>
        <FormErrors action={{ error, fields }} />
        <Field label={t("window.complaints.source")} htmlFor="c-source" required>
          <Select id="c-source" name="source" defaultValue="phone">
            {(["phone", "letter", "other"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`window.complaintSources.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("window.complaints.summary")} htmlFor="c-summary" error={fields.summary} required>
          <Textarea id="c-summary" name="summary" rows={3} {...invalidProps("c-summary", fields.summary)} />
        </Field>
        <Field label={t("window.f.unit")} htmlFor="c-unit" error={fields.unitCode} required>
          <Select id="c-unit" name="unitCode" defaultValue={units[0]?.code}>
            {units.map((u) => (
              <option key={u.code} value={u.code}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("window.complaints.due")} htmlFor="c-due" error={fields.dueDate} hint={t("common.optional")}>
          <Input id="c-due" name="dueDate" type="date" />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={(e) => closeDialog(e.currentTarget)}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" disabled={pending}>
            {t("common.save")}
          </Button>
        </div>
      </form>
    </DialogButton>
  );
}
