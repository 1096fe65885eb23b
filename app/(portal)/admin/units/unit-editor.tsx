"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { clsx } from "clsx";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { fieldsOf, SelectField, TextField } from "@/components/ui/form-fields";
import { ActionForm } from "@/components/ui/form-frames";
import { formValues, useAction } from "@/components/ui/use-action";
import { useT } from "@/lib/i18n/client";
import {
  CHILD_KINDS,
  createUnitSchema,
  moveUnitSchema,
  PARENT_KINDS,
  renameUnitSchema,
  unitProfileSchema,
} from "@/lib/units/schemas";
import { createUnitAction, moveUnitAction, renameUnitAction, saveUnitProfileAction } from "@/lib/units/actions";

interface Profile {
  id: string;
  year: number;
  population: number | null;
  roadKm: number | null;
  vehicles: number | null;
  drivers: number | null;
  police: number | null;
  auxiliaries: number | null;
}
interface U {
  id: string;
  code: string;
  path: string;
  depth: number;
  kind: string;
  squadKind: string | null;
  nameZh: string;
  nameEn: string;
  parentId: string | null;
  profiles: Profile[];
}

const PROFILE_KEYS = ["year", "population", "roadKm", "vehicles", "drivers", "police", "auxiliaries"] as const;

/** A unit's Chinese and English names (ids `${prefix}-nameZh`, `${prefix}-nameEn`). */
function NameFields({
  prefix,
  errors,
  values,
}: {
  prefix: string;
  errors: Record<string, string>;
  values?: { nameZh: string; nameEn: string };
}) {
  const t = useT();
  const field = fieldsOf(errors);
  return (["nameZh", "nameEn"] as const).map((k) => (
    <TextField key={k} {...field(k, `${prefix}-${k}`)} label={t(`admin.${k}`)} required defaultValue={values?.[k]} />
  ));
}

/** A squad's kind (urban, rural, highway). */
function SquadKindField({ id, defaultValue }: { id: string; defaultValue: string }) {
  const t = useT();
  const options = ["URBAN", "RURAL", "HIGHWAY"].map((k) => ({ value: k, label: t(`squadKinds.${k}`) }));
  return (
    <SelectField id={id} name="squadKind" label={t("admin.squadKind")} defaultValue={defaultValue} options={options} />
  );
}

export function UnitEditor({
  units,
  selectedCode,
  locale,
}: {
  units: U[];
  selectedCode?: string;
  locale: "zh" | "en";
}) {
  const t = useT();
  const router = useRouter();
  const sel = units.find((u) => u.code === selectedCode) ?? units[0];
  const name = (u: U) => (locale === "zh" ? u.nameZh : u.nameEn);
  const minDepth = Math.min(...units.map((u) => u.depth));
  const rename = useAction(renameUnitSchema, renameUnitAction);
  const move = useAction(moveUnitSchema, moveUnitAction);
  const create = useAction(createUnitSchema, createUnitAction);
  const profile = useAction(unitProfileSchema, saveUnitProfileAction);
  if (!sel) return null;
  const parentsAllowed = units.filter(
    (u) =>
      (PARENT_KINDS[sel.kind as keyof typeof PARENT_KINDS] as readonly string[]).includes(u.kind) &&
      !u.path.startsWith(sel.path),
  );
  const childKinds = CHILD_KINDS[sel.kind as keyof typeof CHILD_KINDS] as readonly string[];
  /** Sends a form's values for the selected unit; once saved, the page is read again. */
  const saveFor = (action: { run: (input: never, onOk: () => void) => void }) => (form: HTMLFormElement) =>
    action.run({ ...(formValues(form) as object), code: sel.code } as never, () => router.refresh());

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
      <Card className="max-h-[75vh] overflow-y-auto">
        <ul className="p-2" data-testid="unit-tree">
          {units.map((u) => (
            <li key={u.id}>
              <Link
                href={`/admin/units?unit=${encodeURIComponent(u.code)}`}
                scroll={false}
                className={clsx(
                  "flex items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-100",
                  u.id === sel.id && "bg-brand-50 font-medium text-brand-800",
                )}
                style={{ paddingLeft: `${(u.depth - minDepth) * 1.1 + 0.5}rem` }}
              >
                <span className="truncate">{name(u)}</span>
                <span className="ml-auto font-mono text-xs text-slate-600">{u.code}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>

      <div className="space-y-4">
        <Card>
          <CardHeader
            title={name(sel)}
            subtitle={
              <span className="flex gap-2">
                <Badge tone="blue">{t(`unitKinds.${sel.kind}`)}</Badge>
                <span className="font-mono">{sel.code}</span>
              </span>
            }
            action={
              <Link className="text-sm text-brand-700 hover:underline" href={`/units/${sel.code}`}>
                {t("common.details")}
              </Link>
            }
          />
          <CardBody>
            <ActionForm
              key={`rename-${sel.id}`}
              title={t("admin.renameUnit")}
              action={rename}
              notice={rename.done && t("admin.renamed")}
              onSubmit={saveFor(rename)}
            >
              <div className="grid gap-3 sm:grid-cols-2">
                <NameFields prefix="r" errors={rename.fields} values={sel} />
                {sel.kind === "SQUAD" && <SquadKindField id="r-squadKind" defaultValue={sel.squadKind ?? "RURAL"} />}
              </div>
              <Button type="submit" size="sm" disabled={rename.pending}>
                {t("common.save")}
              </Button>
            </ActionForm>
          </CardBody>
        </Card>

        {parentsAllowed.length > 0 && sel.parentId && (
          <Card>
            <CardBody>
              <ActionForm
                key={`move-${sel.id}`}
                title={t("admin.moveUnit")}
                action={move}
                notice={move.done && t("admin.moved")}
                onSubmit={(form) =>
                  move.run({ code: sel.code, newParentCode: String(new FormData(form).get("newParentCode")) }, () =>
                    router.refresh(),
                  )
                }
              >
                <div className="flex flex-wrap items-end gap-2">
                  <SelectField
                    {...fieldsOf(move.fields)("newParentCode", "m-parent")}
                    label={t("admin.moveTo")}
                    fieldClassName="w-80"
                    defaultValue={units.find((u) => u.id === sel.parentId)?.code}
                    options={parentsAllowed.map((u) => ({ value: u.code, label: `${name(u)} (${u.code})` }))}
                  />
                  <Button type="submit" size="sm" variant="secondary" disabled={move.pending}>
                    {t("admin.moveUnit")}
                  </Button>
                </div>
              </ActionForm>
            </CardBody>
          </Card>
        )}

        {childKinds.length > 0 && (
          <Card>
            <CardBody>
              <ActionForm
                key={`create-${sel.id}`}
                title={t("admin.newUnit")}
                action={create}
                onSubmit={(form) =>
                  create.run({ ...(formValues(form) as object), parentCode: sel.code } as never, (d) => {
                    form.reset();
                    router.push(`/admin/units?unit=${d.code}`);
                  })
                }
              >
                <div className="grid gap-3 sm:grid-cols-2">
                  <SelectField
                    id="c-kind"
                    name="kind"
                    label={t("admin.kind")}
                    required
                    options={childKinds.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
                  />
                  <TextField
                    {...fieldsOf(create.fields)("code", "c-code")}
                    label={t("admin.code")}
                    required
                    placeholder={`${sel.code}-0X`}
                  />
                  <NameFields prefix="c" errors={create.fields} />
                  {childKinds.includes("SQUAD") && <SquadKindField id="c-squadKind" defaultValue="RURAL" />}
                </div>
                <Button type="submit" size="sm" disabled={create.pending} data-testid="create-unit">
                  {t("common.create")}
                </Button>
              </ActionForm>
            </CardBody>
          </Card>
        )}

        <Card>
          <CardBody>
            <ActionForm
              key={`profile-${sel.id}`}
              title={t("admin.profile")}
              action={profile}
              notice={profile.done && t("common.saved")}
              onSubmit={saveFor(profile)}
            >
              <div className="grid gap-3 sm:grid-cols-4">
                {PROFILE_KEYS.map((k) => (
                  <TextField
                    key={k}
                    {...fieldsOf(profile.fields)(k, `p-${k}`)}
                    label={t(`admin.${k}`)}
                    required={k === "year"}
                    inputMode="decimal"
                    defaultValue={
                      k === "year"
                        ? String(sel.profiles[0]?.year ?? new Date().getFullYear())
                        : String(sel.profiles[0]?.[k] ?? "")
                    }
                  />
                ))}
              </div>
              <Button type="submit" size="sm" disabled={profile.pending}>
                {t("common.save")}
              </Button>
            </ActionForm>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
