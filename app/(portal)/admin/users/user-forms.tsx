"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { fieldsOf, SelectField, TextField } from "@/components/ui/form-fields";
import { ActionForm, FormDialog } from "@/components/ui/form-frames";
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
  const field = fieldsOf(fields);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {withAccount && (
        <>
          <TextField {...field("username")} label={t("admin.username")} required autoComplete="off" />
          <TextField
            {...field("password")}
            label={t("admin.newPassword")}
            hint={t("validation.passwordWeak")}
            required
            type="password"
            autoComplete="new-password"
          />
        </>
      )}
      <TextField {...field("displayName")} label={t("admin.displayName")} required defaultValue={values?.displayName} />
      <TextField {...field("badgeNumber")} label={t("admin.badgeNumber")} defaultValue={values?.badgeNumber ?? ""} />
      <TextField {...field("phone")} label={t("admin.phone")} inputMode="tel" defaultValue={values?.phone ?? ""} />
      <SelectField
        {...field("role")}
        label={t("admin.role")}
        required
        defaultValue={values?.role ?? "OFFICER"}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
      />
      <SelectField
        {...field("unitCode")}
        label={t("admin.unit")}
        required
        fieldClassName="sm:col-span-2"
        defaultValue={values?.unitCode ?? units[0]?.code}
        options={units.map((u) => ({ value: u.code, label: u.label }))}
      />
    </div>
  );
}

export function NewUserForm({ units }: { units: UnitOption[] }) {
  const t = useT();
  const router = useRouter();
  const create = useAction(createUserSchema, createUserAction);
  return (
    <FormDialog
      label={t("admin.newUser")}
      testId="new-user"
      spacing="space-y-4"
      action={create}
      onOpen={create.reset}
      onSubmit={(form, close) =>
        create.run(formValues(form) as never, (d) => {
          close();
          form.reset();
          router.push(`/admin/users/${d.id}`);
        })
      }
    >
      <UserFields units={units} fields={create.fields} withAccount />
    </FormDialog>
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
      <ActionForm
        className="space-y-4"
        action={edit}
        notice={edit.done && t("admin.userSaved")}
        onSubmit={(form) => edit.run({ ...(formValues(form) as object), id: user.id } as never, () => router.refresh())}
      >
        <UserFields units={units} fields={edit.fields} withAccount={false} values={user} />
        <Button type="submit" disabled={edit.pending} data-testid="save-user">
          {edit.pending ? t("common.saving") : t("common.save")}
        </Button>
      </ActionForm>

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

      <ActionForm
        className="space-y-3 border-t border-slate-100 pt-4"
        title={t("admin.resetPassword")}
        action={pw}
        notice={pwDone && t("admin.passwordReset")}
        onSubmit={(form) => {
          setPwDone(false);
          pw.run({ id: user.id, password: String(new FormData(form).get("password") ?? "") }, () => {
            form.reset();
            setPwDone(true);
          });
        }}
      >
        <div className="flex flex-wrap items-start gap-2">
          <TextField
            {...fieldsOf(pw.fields)("password", "reset-password")}
            label={t("admin.newPassword")}
            fieldClassName="w-72"
            type="password"
            autoComplete="new-password"
          />
          <Button type="submit" variant="secondary" className="mt-6" disabled={pw.pending}>
            {t("admin.resetPassword")}
          </Button>
        </div>
      </ActionForm>
    </div>
  );
}
