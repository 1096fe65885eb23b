"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, invalidProps, Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { useT } from "@/lib/i18n/client";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-tokens/actions";

export function NewTokenForm({
  units,
  permissions,
  lifetime,
}: {
  units: { code: string; label: string }[];
  permissions: string[];
  /** Default and maximum lifetime in days. */
  lifetime: { default: number; max: number };
}) {
  const t = useT();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const { run, pending, fields, error, reset } = useAction(createApiTokenSchema, createApiTokenAction);
  return (
    <>
      <Button
        onClick={() => {
          reset();
          setSecret(null);
          ref.current?.showModal();
        }}
        data-testid="new-token"
      >
        {t("admin.newToken")}
      </Button>
      <dialog
        ref={ref}
        className="m-auto w-[min(40rem,94vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40"
        onClose={() => router.refresh()}
      >
        {secret ? (
          <div className="space-y-3 p-5">
            <Alert tone="success">{t("admin.tokenCreated")}</Alert>
            <pre
              className="select-all overflow-x-auto rounded bg-slate-900 p-3 font-mono text-sm text-green-300"
              data-testid="token-secret"
            >
              {secret}
            </pre>
            <div className="flex justify-end">
              <Button onClick={() => ref.current?.close()}>{t("common.close")}</Button>
            </div>
          </div>
        ) : (
          <form
            className="space-y-4 p-5"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const v = formValues(e.currentTarget);
              run({ ...v, permissions: (v.permissions as string[] | undefined) ?? [] } as never, (d) =>
                setSecret(d.secret),
              );
            }}
          >
            <h2 className="text-lg font-semibold">{t("admin.newToken")}</h2>
            <FormErrors action={{ error, fields }} />
            <Field label={t("admin.tokenName")} htmlFor="tk-name" error={fields.name} required>
              <Input id="tk-name" name="name" {...invalidProps("tk-name", fields.name)} />
            </Field>
            <Field label={t("admin.unit")} htmlFor="tk-unit" error={fields.unitCode} required>
              <Select id="tk-unit" name="unitCode">
                {units.map((u) => (
                  <option key={u.code} value={u.code}>
                    {u.label}
                  </option>
                ))}
              </Select>
            </Field>
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">{t("admin.tokenPermissions")}</legend>
              {fields.permissions && <p className="text-sm text-red-600">{fields.permissions}</p>}
              <div className="mt-1 grid grid-cols-2 gap-1 sm:grid-cols-3">
                {permissions.map((p) => (
                  <label key={p} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name="permissions" value={p} className="h-4 w-4" />{" "}
                    <span className="font-mono text-xs">{p}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <Field
              label={t("admin.tokenExpires")}
              htmlFor="tk-exp"
              error={fields.expiresAt}
              hint={t("admin.tokenLifetime", lifetime)}
            >
              <Input id="tk-exp" name="expiresAt" type="date" />
            </Field>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => ref.current?.close()}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {t("common.create")}
              </Button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}

export function RevokeTokenButton({ id, name }: { id: string; name: string }) {
  const t = useT();
  const router = useRouter();
  const { run } = useAction(null, revokeApiTokenAction);
  return (
    <ConfirmButton
      message={t("admin.tokenRevokeConfirm", { name })}
      confirmLabel={t("admin.tokenRevoke")}
      onConfirm={() => run({ id }, () => router.refresh())}
    >
      {t("admin.tokenRevoke")}
    </ConfirmButton>
  );
}
