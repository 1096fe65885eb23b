"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { decideAppealAction, fileAppealAction } from "@/lib/violations/actions";
import { useT } from "@/lib/i18n/client";
import { APPEAL_CHANNELS } from "@/lib/records/enums";
import { decideAppealSchema, fileAppealSchema } from "@/lib/violations/schemas";

/** Registering an appeal (申辩) someone makes in person, by phone, in writing or online. */
export function FileAppealForm({ violationId }: { violationId: string }) {
  const t = useT();
  const router = useRouter();
  const { run, pending, fields, error } = useAction(fileAppealSchema, fileAppealAction);
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="file-appeal">
        {t("records.fileAppeal")}
      </Button>
    );
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        run({ ...formValues(e.currentTarget), violationId } as never, () => router.refresh());
      }}
    >
      <FormErrors action={{ error, fields }} />
      <Field label={t("records.appealReason")} htmlFor="reason" error={fields.reason} required>
        <Textarea id="reason" name="reason" rows={3} className="text-base" {...invalidProps("reason", fields.reason)} />
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("records.appellant")} htmlFor="appellant" error={fields.appellant}>
          <Input id="appellant" name="appellant" />
        </Field>
        <Field label={t("records.appealChannel")} htmlFor="channel" error={fields.channel}>
          <Select id="channel" name="channel" defaultValue="in_person">
            {APPEAL_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`records.appealChannels.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending} data-testid="submit-appeal">
          {pending ? t("records.saving") : t("records.fileAppeal")}
        </Button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}

/** The commander's or legal office's decision: uphold, or revoke with reasons. */
export function DecideAppealForm({ appealId }: { appealId: string }) {
  const t = useT();
  const router = useRouter();
  const { run, pending, fields, error } = useAction(decideAppealSchema, decideAppealAction);
  return (
    <form
      noValidate
      className="space-y-3"
      data-testid="decide-appeal"
      onSubmit={(e) => {
        e.preventDefault();
        run({ ...formValues(e.currentTarget), appealId } as never, () => router.refresh());
      }}
    >
      <FormErrors action={{ error, fields }} />
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("records.decision")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="decision" value="upheld" defaultChecked className="h-5 w-5" />
          {t("records.uphold")}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="decision" value="revoked" className="h-5 w-5" />
          {t("records.revoke")}
        </label>
      </fieldset>
      <Field label={t("records.decisionNote")} htmlFor="note" error={fields.note}>
        <Textarea id="note" name="note" rows={3} {...invalidProps("note", fields.note)} />
      </Field>
      <Button type="submit" disabled={pending} data-testid="submit-decision">
        {pending ? t("records.saving") : t("records.decide")}
      </Button>
    </form>
  );
}
