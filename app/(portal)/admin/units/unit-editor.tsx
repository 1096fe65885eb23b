"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { clsx } from "clsx";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field, Input, invalidProps, Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
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
            <form
              key={`rename-${sel.id}`}
              className="space-y-3"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                rename.run({ ...(formValues(e.currentTarget) as object), code: sel.code } as never, () =>
                  router.refresh(),
                );
              }}
            >
              <h3 className="font-medium">{t("admin.renameUnit")}</h3>
              <FormErrors action={rename} />
              {rename.done && <Alert tone="success">{t("admin.renamed")}</Alert>}
              <div className="grid gap-3 sm:grid-cols-2">
                <Field label={t("admin.nameZh")} htmlFor="r-nameZh" error={rename.fields.nameZh} required>
                  <Input
                    id="r-nameZh"
                    name="nameZh"
                    defaultValue={sel.nameZh}
                    {...invalidProps("r-nameZh", rename.fields.nameZh)}
                  />
                </Field>
                <Field label={t("admin.nameEn")} htmlFor="r-nameEn" error={rename.fields.nameEn} required>
                  <Input
                    id="r-nameEn"
                    name="nameEn"
                    defaultValue={sel.nameEn}
                    {...invalidProps("r-nameEn", rename.fields.nameEn)}
                  />
                </Field>
                {sel.kind === "SQUAD" && (
                  <Field label={t("admin.squadKind")} htmlFor="r-squadKind">
                    <Select id="r-squadKind" name="squadKind" defaultValue={sel.squadKind ?? "RURAL"}>
                      {["URBAN", "RURAL", "HIGHWAY"].map((k) => (
                        <option key={k} value={k}>
                          {t(`squadKinds.${k}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                )}
              </div>
              <Button type="submit" size="sm" disabled={rename.pending}>
                {t("common.save")}
              </Button>
            </form>
          </CardBody>
        </Card>

        {parentsAllowed.length > 0 && sel.parentId && (
          <Card>
            <CardBody>
              <form
                key={`move-${sel.id}`}
                className="space-y-3"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  move.run(
                    { code: sel.code, newParentCode: String(new FormData(e.currentTarget).get("newParentCode")) },
                    () => router.refresh(),
                  );
                }}
              >
                <h3 className="font-medium">{t("admin.moveUnit")}</h3>
                <FormErrors action={move} />
                {move.done && <Alert tone="success">{t("admin.moved")}</Alert>}
                <div className="flex flex-wrap items-end gap-2">
                  <Field
                    label={t("admin.moveTo")}
                    htmlFor="m-parent"
                    error={move.fields.newParentCode}
                    className="w-80"
                  >
                    <Select
                      id="m-parent"
                      name="newParentCode"
                      defaultValue={units.find((u) => u.id === sel.parentId)?.code}
                    >
                      {parentsAllowed.map((u) => (
                        <option key={u.code} value={u.code}>
                          {name(u)} ({u.code})
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Button type="submit" size="sm" variant="secondary" disabled={move.pending}>
                    {t("admin.moveUnit")}
                  </Button>
                </div>
              </form>
            </CardBody>
          </Card>
        )}

        {childKinds.length > 0 && (
          <Card>
            <CardBody>
              <form
                key={`create-${sel.id}`}
                className="space-y-3"
                noValidate
                onSubmit={(e) => {
                  e.preventDefault();
                  const form = e.currentTarget;
                  create.run({ ...(formValues(form) as object), parentCode: sel.code } as never, (d) => {
                    form.reset();
                    router.push(`/admin/units?unit=${d.code}`);
                  });
                }}
              >
                <h3 className="font-medium">{t("admin.newUnit")}</h3>
                <FormErrors action={create} />
                <div className="grid gap-3 sm:grid-cols-2">
                  <Field label={t("admin.kind")} htmlFor="c-kind" required>
                    <Select id="c-kind" name="kind">
                      {childKinds.map((k) => (
                        <option key={k} value={k}>
                          {t(`unitKinds.${k}`)}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label={t("admin.code")} htmlFor="c-code" error={create.fields.code} required>
                    <Input
                      id="c-code"
                      name="code"
                      placeholder={`${sel.code}-0X`}
                      {...invalidProps("c-code", create.fields.code)}
                    />
                  </Field>
                  <Field label={t("admin.nameZh")} htmlFor="c-nameZh" error={create.fields.nameZh} required>
                    <Input id="c-nameZh" name="nameZh" {...invalidProps("c-nameZh", create.fields.nameZh)} />
                  </Field>
                  <Field label={t("admin.nameEn")} htmlFor="c-nameEn" error={create.fields.nameEn} required>
                    <Input id="c-nameEn" name="nameEn" {...invalidProps("c-nameEn", create.fields.nameEn)} />
                  </Field>
                  {childKinds.includes("SQUAD") && (
                    <Field label={t("admin.squadKind")} htmlFor="c-squadKind">
                      <Select id="c-squadKind" name="squadKind" defaultValue="RURAL">
                        {["URBAN", "RURAL", "HIGHWAY"].map((k) => (
                          <option key={k} value={k}>
                            {t(`squadKinds.${k}`)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  )}
                </div>
                <Button type="submit" size="sm" disabled={create.pending} data-testid="create-unit">
                  {t("common.create")}
                </Button>
              </form>
            </CardBody>
          </Card>
        )}

        <Card>
          <CardBody>
            <form
              key={`profile-${sel.id}`}
              className="space-y-3"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                profile.run({ ...(formValues(e.currentTarget) as object), code: sel.code } as never, () =>
                  router.refresh(),
                );
              }}
            >
              <h3 className="font-medium">{t("admin.profile")}</h3>
              <FormErrors action={profile} />
              {profile.done && <Alert tone="success">{t("common.saved")}</Alert>}
              <div className="grid gap-3 sm:grid-cols-4">
                {(["year", "population", "roadKm", "vehicles", "drivers", "police", "auxiliaries"] as const).map(
                  (k) => (
                    <Field
                      key={k}
                      label={t(`admin.${k}`)}
                      htmlFor={`p-${k}`}
                      error={profile.fields[k]}
                      required={k === "year"}
                    >
                      <Input
                        id={`p-${k}`}
                        name={k}
                        inputMode="decimal"
                        defaultValue={
                          k === "year"
                            ? String(sel.profiles[0]?.year ?? new Date().getFullYear())
                            : String(sel.profiles[0]?.[k] ?? "")
                        }
                        {...invalidProps(`p-${k}`, profile.fields[k])}
                      />
                    </Field>
                  ),
                )}
              </div>
              <Button type="submit" size="sm" disabled={profile.pending}>
                {t("common.save")}
              </Button>
            </form>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
