"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { useT } from "@/lib/i18n/client";
import { cancelIncidentAction, closeIncidentAction } from "@/lib/incidents/actions";
import { cancelSchema, closeSchema } from "@/lib/incidents/schemas";

/** 结案: the outcome and the feedback call to the caller (回访: reached or not, satisfied or not). */
export function CloseIncidentForm({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useT();
  const close = useAction(closeSchema, closeIncidentAction);
  const [reached, setReached] = useState("");
  return (
    <form
      noValidate
      className="space-y-2 rounded-md border border-slate-200 p-2"
      data-testid="close-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const satisfied = String(f.get("satisfied") ?? "");
        close.run(
          {
            id,
            outcome: String(f.get("outcome") ?? ""),
            feedback: { reached, ...(reached === "true" && satisfied ? { satisfied } : {}) },
          } as never,
          onDone,
        );
      }}
    >
      <h3 className="text-sm font-semibold">{t("incidents.close")}</h3>
      {close.error && <Alert>{close.error}</Alert>}
      <Field label={t("incidents.outcome")} htmlFor={`outcome-${id}`} error={close.fields.outcome} required>
        <Textarea id={`outcome-${id}`} name="outcome" rows={2} />
      </Field>
      <div className="grid grid-cols-2 gap-2">
        <Field
          label={t("incidents.feedbackReached")}
          htmlFor={`reached-${id}`}
          error={close.fields["feedback.reached"]}
          required
        >
          <Select id={`reached-${id}`} value={reached} onChange={(e) => setReached(e.target.value)}>
            <option value="">—</option>
            <option value="true">{t("incidents.reachedYes")}</option>
            <option value="false">{t("incidents.reachedNo")}</option>
          </Select>
        </Field>
        <Field label={t("incidents.feedbackSatisfied")} htmlFor={`satisfied-${id}`}>
          <Select id={`satisfied-${id}`} name="satisfied" disabled={reached !== "true"} defaultValue="">
            <option value="">{t("incidents.satisfiedUnknown")}</option>
            <option value="true">{t("incidents.satisfiedYes")}</option>
            <option value="false">{t("incidents.satisfiedNo")}</option>
          </Select>
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={close.pending} data-testid="close-incident">
          {t("incidents.close")}
        </Button>
      </div>
    </form>
  );
}

/** 撤销: a false alarm or a duplicate call; the reason is required and the step asks first. */
export function CancelIncidentForm({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useT();
  const cancel = useAction(cancelSchema, cancelIncidentAction);
  const [reason, setReason] = useState("");
  return (
    <div className="space-y-2" id="cancel">
      {cancel.error && <Alert>{cancel.error}</Alert>}
      <Field label={t("incidents.cancelReason")} htmlFor={`cancel-${id}`} error={cancel.fields.reason}>
        <Input id={`cancel-${id}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <ConfirmButton
        message={t("incidents.cancelConfirm")}
        onConfirm={() => cancel.run({ id, reason } as never, onDone)}
        disabled={!reason.trim() || cancel.pending}
        testId="cancel-incident"
      >
        {t("incidents.cancel")}
      </ConfirmButton>
    </div>
  );
}
