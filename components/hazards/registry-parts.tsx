import type { ComponentProps, ReactNode } from "react";
import { ListTable, type ListColumn } from "@/components/records/list-table";
import { Badge } from "@/components/ui/badge";
import { DialogForm, type FieldSpec } from "@/components/ui/dialog-form";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import type { TFunction } from "@/lib/i18n/translate";
import {
  createEnterpriseAction,
  createKeyDriverAction,
  createKeyVehicleAction,
  updateKeyDriverAction,
  updateKeyVehicleAction,
} from "@/lib/keyvehicles/actions";

type Action = ComponentProps<typeof DialogForm>["action"];
type Schema = ComponentProps<typeof DialogForm>["schema"];

/** A list of the key-vehicle registry: its title (a dictionary key), its "new" dialog and, if rows can be edited, how. */
interface Registry {
  title: string;
  create: { label: string; testId: string; schema: Schema; action: Action };
  update?: { schema: Schema; action: Action };
}

/** The key-vehicle registry's lists, by their path under /hazards. */
const REGISTRIES: Record<"enterprises" | "key-vehicles" | "drivers", Registry> = {
  enterprises: {
    title: "keyvehicles.enterprises",
    create: {
      label: "keyvehicles.newEnterprise",
      testId: "new-enterprise",
      schema: "enterprise",
      action: createEnterpriseAction,
    },
  },
  "key-vehicles": {
    title: "keyvehicles.vehicles",
    create: {
      label: "keyvehicles.newVehicle",
      testId: "new-key-vehicle",
      schema: "keyVehicle",
      action: createKeyVehicleAction,
    },
    update: { schema: "keyVehicleUpdate", action: updateKeyVehicleAction },
  },
  drivers: {
    title: "keyvehicles.drivers",
    create: {
      label: "keyvehicles.newDriver",
      testId: "new-key-driver",
      schema: "keyDriver",
      action: createKeyDriverAction,
    },
    update: { schema: "keyDriverUpdate", action: updateKeyDriverAction },
  },
};

/**
 * A registry list page (enterprises, key vehicles, drivers): its title, the filters, and one
 * page of the list in `<kind>-table` with the pager that carries the filters (`params`) on.
 * Who may `manage` also gets the "new" dialog (its `create` fields) and, with `edit`, a last
 * column that edits a row: a dialog titled with the row's `name`, with its `fields`.
 */
export function RegistryList<R extends { id: string }>({
  kind,
  t,
  manage,
  create,
  edit,
  filters,
  page,
  params,
  columns,
  rowClassName,
}: {
  kind: keyof typeof REGISTRIES;
  t: TFunction;
  manage: boolean;
  create: FieldSpec[];
  edit?: { name: (row: R) => string; fields: (row: R) => FieldSpec[] };
  filters: ReactNode;
  page: { items: R[]; nextCursor: string | null };
  params: Record<string, string | undefined>;
  columns: ListColumn<R>[];
  rowClassName?: (row: R) => string | undefined;
}) {
  const { title, create: dialog, update } = REGISTRIES[kind];
  return (
    <div className="space-y-4">
      <PageHeader
        title={t(title)}
        actions={
          manage ? (
            <DialogForm {...dialog} label={t(dialog.label)} title={t(dialog.label)} fields={create} />
          ) : undefined
        }
      />
      {filters}
      <ListTable
        t={t}
        testId={`${kind}-table`}
        rows={page.items}
        rowClassName={rowClassName}
        basePath={`/hazards/${kind}`}
        params={params}
        nextCursor={page.nextCursor}
        columns={manage && edit && update ? [...columns, editColumn({ t, ...update, ...edit })] : columns}
      />
    </div>
  );
}

/** The search of a registry list (enterprises, drivers): one text field `q` and a search button. */
export function RegistrySearch({ t, value, placeholder }: { t: TFunction; value?: string; placeholder: string }) {
  return (
    <FilterBar
      t={t}
      className="flex gap-2"
      values={{ q: value }}
      submit={t("common.search")}
      fields={[{ name: "q", label: t("keyvehicles.search"), placeholder, className: "w-64" }]}
    />
  );
}

/**
 * The fields of the registry's dialogs, each labelled `keyvehicles.<name>` unless it says
 * otherwise: text, dates and selects that must be answered, showing a row's `value`.
 */
export function registryFields(t: TFunction) {
  const label = (name: string) => t(`keyvehicles.${name}`);
  return {
    text: (name: string, more?: Partial<FieldSpec>): FieldSpec => ({ name, label: label(name), ...more }),
    date: (name: string, value?: string): FieldSpec => ({
      name,
      label: label(name),
      type: "date",
      defaultValue: value,
    }),
    choice: (name: string, options: FieldSpec["options"], value?: string): FieldSpec => ({
      name,
      label: label(name),
      type: "select",
      required: true,
      defaultValue: value,
      options,
    }),
    /** Options from fixed keys, labelled `keyvehicles.<group>.<key>`. */
    options: (keys: readonly string[], group: string) =>
      keys.map((k) => ({ value: k, label: t(`keyvehicles.${group}.${k}`) })),
  };
}

/** A column of one badge a row: its tone and words by row. */
export function badgeColumn<R>(
  header: string,
  badge: (row: R) => { tone: ComponentProps<typeof Badge>["tone"]; label: string },
): ListColumn<R> {
  return {
    header,
    cell: (r) => {
      const { tone, label } = badge(r);
      return <Badge tone={tone}>{label}</Badge>;
    },
  };
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

/** The last column of a registry list: an edit dialog per row, titled with the row's `name`, sending its id with the `fields`. */
function editColumn<R extends { id: string }>({
  t,
  name,
  schema,
  action,
  fields,
}: {
  t: TFunction;
  name: (row: R) => string;
  schema: Schema;
  action: Action;
  fields: (row: R) => FieldSpec[];
}): ListColumn<R> {
  return {
    header: t("common.actions"),
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
