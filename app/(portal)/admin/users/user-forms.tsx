"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, invalidProps, Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { ROLES } from "@/lib/auth/permissions";
import { useT } from "@/lib/i18n/client";
import { createUserSchema, resetPasswordSchema, updateUserSchema } from "@/lib/users/schemas";
import { createUserAction, resetPasswordAction, setUserActiveAction, updateUserAction } from "@/lib/users/actions";

type UnitOption = { code: string; label: string };

function UserFields({
  units,
  fields,
  values,
  withAccount,
}: {
  units: UnitOption[];
  fields: Record<string, string>;
  withAccount: boolean;
  values?: {
    displayName?: string;
    badgeNumber?: string | null;
    phone?: string | null;
    role?: string;
    unitCode?: string;
  };
}) {
  const t = useT();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {withAccount && (
        <>
          <Field label={t("admin.username")} htmlFor="username" error={fields.username} required>
            <Input id="username" name="username" autoComplete="off" {...invalidProps("username", fields.username)} />
          </Field>
          <Field
            label={t("admin.newPassword")}
            htmlFor="password"
            error={fields.password}
            hint={t("validation.passwordWeak")}
            required
          >
            <Input
              id="password"
              name="password"
              type="password"
              autoComplete="new-password"
              {...invalidProps("password", fields.password)}
            />
          </Field>
        </>
      )}
      <Field label={t("admin.displayName")} htmlFor="displayName" error={fields.displayName} required>
        <Input
          id="displayName"
          name="displayName"
          defaultValue={values?.displayName}
          {...invalidProps("displayName", fields.displayName)}
        />
      </Field>
      <Field label={t("admin.badgeNumber")} htmlFor="badgeNumber" error={fields.badgeNumber}>
        <Input
          id="badgeNumber"
          name="badgeNumber"
          defaultValue={values?.badgeNumber ?? ""}
          {...invalidProps("badgeNumber", fields.badgeNumber)}
        />
      </Field>
      <Field label={t("admin.phone")} htmlFor="phone" error={fields.phone}>
        <Input
          id="phone"
          name="phone"
          inputMode="tel"
          defaultValue={values?.phone ?? ""}
          {...invalidProps("phone", fields.phone)}
        />
      </Field>
      <Field label={t("admin.role")} htmlFor="role" error={fields.role} required>
        <Select id="role" name="role" defaultValue={values?.role ?? "OFFICER"}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("admin.unit")} htmlFor="unitCode" error={fields.unitCode} required className="sm:col-span-2">
        <Select id="unitCode" name="unitCode" defaultValue={values?.unitCode ?? units[0]?.code}>
          {units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.label}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

export function NewUserForm({ units }: { units: UnitOption[] }) {
  const t = useT();
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const { run, pending, fields, error, reset } = useAction(createUserSchema, createUserAction);
  return (
    <>
      <Button
        onClick={() => {
          reset();
          ref.current?.showModal();
        }}
        data-testid="new-user"
      >
        {t("admin.newUser")}
      </Button>
      <dialog ref={ref} className="m-auto w-[min(40rem,94vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form
          className="space-y-4 p-5"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            run(formValues(form) as never, (d) => {
              ref.current?.close();
              form.reset();
              router.push(`/admin/users/${d.id}`);
            });
          }}
        >
          <h2 className="text-lg font-semibold">{t("admin.newUser")}</h2>
          <FormErrors action={{ error, fields }} />
          <UserFields units={units} fields={fields} withAccount />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? t("common.saving") : t("common.save")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

export function EditUserForm({
  user,
  units,
  isSelf,
}: {
  user: {
    id: string;
    displayName: string;
    badgeNumber: string | null;
    phone: string | null;
    role: string;
    unitCode: string;
    active: boolean;
    name: string;
  };
  units: UnitOption[];
  isSelf: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const edit = useAction(updateUserSchema, updateUserAction);
  const active = useAction(null, setUserActiveAction);
  const pw = useAction(resetPasswordSchema, resetPasswordAction);
  const [pwDone, setPwDone] = useState(false);
  return (
    <div className="space-y-6">
      <form
        className="space-y-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          edit.run({ ...(formValues(e.currentTarget) as object), id: user.id } as never, () => router.refresh());
        }}
      >
        <FormErrors action={edit} />
        {edit.done && <Alert tone="success">{t("admin.userSaved")}</Alert>}
        <UserFields units={units} fields={edit.fields} withAccount={false} values={user} />
        <Button type="submit" disabled={edit.pending} data-testid="save-user">
          {edit.pending ? t("common.saving") : t("common.save")}
        </Button>
      </form>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <FormErrors action={active} />
        {user.active ? (
          <ConfirmButton
            testId="disable-user"
            disabled={isSelf}
            message={t("admin.disableConfirm", { name: user.name })}
            confirmLabel={t("admin.disable")}
            onConfirm={() => active.run({ id: user.id, active: false }, () => router.refresh())}
          >
            {t("admin.disable")}
          </ConfirmButton>
        ) : (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => active.run({ id: user.id, active: true }, () => router.refresh())}
            data-testid="enable-user"
          >
            {t("admin.enable")}
          </Button>
        )}
      </div>

      <form
        className="space-y-3 border-t border-slate-100 pt-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          setPwDone(false);
          pw.run({ id: user.id, password: String(new FormData(form).get("password") ?? "") }, () => {
            form.reset();
            setPwDone(true);
          });
        }}
      >
        <h3 className="font-medium">{t("admin.resetPassword")}</h3>
        <FormErrors action={pw} />
        {pwDone && <Alert tone="success">{t("admin.passwordReset")}</Alert>}
        <div className="flex flex-wrap items-start gap-2">
          <Field label={t("admin.newPassword")} htmlFor="reset-password" error={pw.fields.password} className="w-72">
            <Input
              id="reset-password"
              name="password"
              type="password"
              autoComplete="new-password"
              {...invalidProps("reset-password", pw.fields.password)}
            />
          </Field>
          <Button type="submit" variant="secondary" className="mt-6" disabled={pw.pending}>
            {t("admin.resetPassword")}
          </Button>
        </div>
      </form>
    </div>
  );
}
