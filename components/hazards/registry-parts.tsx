import type { ComponentProps } from "react";
import type { ListColumn } from "@/components/records/list-table";
import { buttonClass } from "@/components/ui/button";
import { DialogForm, type FieldSpec } from "@/components/ui/dialog-form";
import { Input } from "@/components/ui/field";
import type { TFunction } from "@/lib/i18n/translate";

/** The search of a registry list (enterprises, drivers): one text field `q` and a search button. */
export function RegistrySearch({ t, value, placeholder }: { t: TFunction; value?: string; placeholder: string }) {
  return (
    <form className="flex gap-2" role="search">
      <Input
        name="q"
        defaultValue={value}
        placeholder={placeholder}
        aria-label={t("keyvehicles.search")}
        className="w-64"
      />
      <button className={buttonClass("secondary")} type="submit">
        {t("common.search")}
      </button>
    </form>
  );
}

/** The enterprise a key vehicle or driver belongs to, chosen from `options` (the new form has no value). */
export function enterpriseField(
  t: TFunction,
  options: FieldSpec["options"],
  row?: { enterpriseId: string | null },
): FieldSpec {
  const field: FieldSpec = { name: "enterpriseId", label: t("keyvehicles.enterprise"), type: "select", options };
  return row ? { ...field, defaultValue: row.enterpriseId ?? "" } : field;
}

/**
 * The last column of a registry list for who may manage it (`when`): an edit dialog per row,
 * titled with the row's `name`, sending the row's id with the `fields`.
 */
export function editColumn<R extends { id: string }>({
  t,
  when,
  name,
  schema,
  action,
  fields,
}: {
  t: TFunction;
  when: boolean;
  name: (row: R) => string;
  schema: ComponentProps<typeof DialogForm>["schema"];
  action: ComponentProps<typeof DialogForm>["action"];
  fields: (row: R) => FieldSpec[];
}): ListColumn<R> {
  return {
    header: t("common.actions"),
    when,
    cell: (r) => (
      <DialogForm
        label={t("common.edit")}
        title={`${t("common.edit")} · ${name(r)}`}
        schema={schema}
        action={action}
        hidden={{ id: r.id }}
        size="sm"
        variant="ghost"
        fields={fields(r)}
      />
    ),
  };
}
