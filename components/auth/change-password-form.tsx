"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { formValues, useAction } from "@/components/ui/use-action";
import { changePasswordAction } from "@/lib/auth/actions";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { useT } from "@/lib/i18n/client";

/**
 * The person's own password change. `then: "continue"` (the forced change at sign-in)
 * goes on to the portal; `"stay"` (the account page) shows that it is done.
 */
export function ChangePasswordForm({ then }: { then: "continue" | "stay" }) {
  const t = useT();
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const { run, pending, fields, error, done } = useAction(changePasswordSchema, changePasswordAction);
  const field = (name: "currentPassword" | "newPassword" | "confirmPassword", autoComplete: string) => (
    <Field label={t(`account.${name}`)} htmlFor={name} error={fields[name]} required>
      <Input
        id={name}
        name={name}
        type="password"
        autoComplete={autoComplete}
        maxLength={256}
        {...invalidProps(name, fields[name])}
      />
    </Field>
  );
  return (
    <form
      ref={form}
      className="space-y-4"
      noValidate
      data-testid="change-password-form"
      onSubmit={(e) => {
        e.preventDefault();
        run(formValues(e.currentTarget) as never, () => {
          if (then === "continue") router.push("/");
          else form.current?.reset();
        });
      }}
    >
      {error && <Alert>{error}</Alert>}
      {done && then === "stay" && <Alert tone="success">{t("account.passwordChanged")}</Alert>}
      {field("currentPassword", "current-password")}
      {field("newPassword", "new-password")}
      {field("confirmPassword", "new-password")}
      <p className="text-xs text-slate-500">{t("account.passwordRules")}</p>
      <Button type="submit" disabled={pending} data-testid="change-password-submit">
        {pending ? t("common.saving") : t("account.passwordSubmit")}
      </Button>
    </form>
  );
}
