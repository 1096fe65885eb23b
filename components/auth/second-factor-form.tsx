"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { verifySecondFactorAction } from "@/lib/auth/actions";
import { secondFactorSchema } from "@/lib/auth/schemas";
import { useT } from "@/lib/i18n/client";

/** The second step of signing in: a code from the app, or a recovery code. */
export function SecondFactorForm() {
  const t = useT();
  const router = useRouter();
  const { run, pending, fields, error } = useAction(secondFactorSchema, verifySecondFactorAction);
  return (
    <form
      className="space-y-4"
      noValidate
      data-testid="second-factor-form"
      onSubmit={(e) => {
        e.preventDefault();
        const code = String(new FormData(e.currentTarget).get("code") ?? "");
        run({ code }, () => router.push("/"));
      }}
    >
      <p className="text-sm text-slate-600">{t("account.verifyLead")}</p>
      {error && !fields.code && <Alert>{error}</Alert>}
      <Field label={t("account.codeLabel")} htmlFor="code" error={fields.code}>
        <Input
          id="code"
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          className="w-full font-mono text-lg tracking-widest"
          {...invalidProps("code", fields.code)}
        />
      </Field>
      <Button type="submit" className="w-full" size="lg" disabled={pending} data-testid="verify-submit">
        {pending ? t("account.verifying") : t("account.verifySubmit")}
      </Button>
    </form>
  );
}
