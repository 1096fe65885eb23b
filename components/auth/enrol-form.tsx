"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { confirmEnrolmentAction } from "@/lib/auth/actions";
import { confirmEnrolmentSchema } from "@/lib/auth/schemas";
import { useT } from "@/lib/i18n/client";
import { RecoveryCodes } from "./recovery-codes";

/**
 * Enrolment: the QR code (SVG made on the server by a local library) and the key, then
 * a code from the app to confirm, then the recovery codes, shown once.
 */
export function EnrolForm({
  sealed,
  secret,
  qrSvg,
  next,
}: {
  sealed: string;
  secret: string;
  qrSvg: string;
  /** Where "continue" goes after the recovery codes. */
  next: string;
}) {
  const t = useT();
  const [codes, setCodes] = useState<{ recoveryCodes: string[]; proof: string } | null>(null);
  const { run, pending, fields, error } = useAction(confirmEnrolmentSchema, confirmEnrolmentAction);
  if (codes) return <RecoveryCodes codes={codes.recoveryCodes} proof={codes.proof} next={next} />;
  return (
    <div className="grid gap-6 sm:grid-cols-[auto_1fr] sm:items-start">
      <figure className="mx-auto w-52 sm:mx-0">
        <div
          role="img"
          aria-label={t("account.enrolQr")}
          className="rounded-lg border border-slate-200 bg-white p-2 [&>svg]:h-auto [&>svg]:w-full"
          data-testid="totp-qr"
          dangerouslySetInnerHTML={{ __html: qrSvg }}
        />
        <figcaption className="mt-2 text-xs text-slate-600">
          {t("account.enrolManual")}
          <code
            className="mt-1 block select-all break-all rounded bg-slate-100 px-2 py-1 font-mono text-sm text-slate-900"
            data-testid="totp-secret"
          >
            {secret.match(/.{1,4}/g)?.join(" ")}
          </code>
        </figcaption>
      </figure>
      <form
        className="space-y-4"
        noValidate
        data-testid="enrol-form"
        onSubmit={(e) => {
          e.preventDefault();
          const code = String(new FormData(e.currentTarget).get("code") ?? "").replace(/\s+/g, "");
          run({ sealed, code }, (d) => setCodes(d));
        }}
      >
        <p className="text-sm text-slate-600">{t("account.enrolLead")}</p>
        {error && !fields.code && <Alert>{error}</Alert>}
        <Field label={t("account.enrolCode")} htmlFor="enrol-code" error={fields.code} required>
          <Input
            id="enrol-code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            className="w-40 font-mono text-lg tracking-widest"
            {...invalidProps("enrol-code", fields.code)}
          />
        </Field>
        <Button type="submit" disabled={pending} data-testid="enrol-submit">
          {pending ? t("common.saving") : t("account.enrolSubmit")}
        </Button>
      </form>
    </div>
  );
}
