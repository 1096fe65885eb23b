import { DialogForm, type FieldSpec } from "@/components/ui/dialog-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { LICENCE_ACTIONS } from "@/lib/records/enums";
import { listViolationTypes, type ViolationTypeItem } from "@/lib/violations/catalogue";
import { createViolationTypeAction, updateViolationTypeAction } from "@/lib/violations/actions";

/** The violation catalogue (违法类型) editor: names, legal fine range, points, serious, auxiliaries, licence, detention. */
export default async function CataloguePage() {
  const user = await requirePageUser();
  if (!can(user, "admin.catalogue")) return <Forbidden />;
  const [t, types] = await Promise.all([getT(), listViolationTypes({ actor: user })]);
  const fields = (v?: ViolationTypeItem): FieldSpec[] => [
    { name: "nameZh", label: t("records.nameZh"), required: true, defaultValue: v?.nameZh, wide: true },
    { name: "nameEn", label: t("records.nameEn"), required: true, defaultValue: v?.nameEn, wide: true },
    { name: "fineMinYuan", label: t("records.fineMin"), type: "number", defaultValue: v?.fineMinYuan ?? 0 },
    { name: "fineMaxYuan", label: t("records.fineMax"), type: "number", defaultValue: v?.fineMaxYuan ?? 0 },
    { name: "points", label: t("records.points"), type: "number", defaultValue: v?.points ?? 0 },
    {
      name: "maxDetentionDays",
      label: t("records.maxDetentionDays"),
      type: "number",
      defaultValue: v?.maxDetentionDays ?? 0,
    },
    {
      name: "licenceAction",
      label: t("records.licenceAction"),
      type: "select",
      required: true,
      defaultValue: v?.licenceAction ?? "none",
      options: LICENCE_ACTIONS.map((a) => ({ value: a, label: t(`records.licenceActions.${a}`) })),
    },
    {
      name: "sortOrder",
      label: t("records.sortOrder"),
      type: "number",
      defaultValue: v?.sortOrder ?? (types.length + 1) * 10,
    },
    { name: "serious", label: t("records.serious"), type: "checkbox", defaultValue: v?.serious ?? false },
    {
      name: "auxiliaryMayRecord",
      label: t("records.auxiliaryMayRecord"),
      type: "checkbox",
      defaultValue: v?.auxiliaryMayRecord ?? false,
    },
    { name: "active", label: t("records.active"), type: "checkbox", defaultValue: v?.active ?? true },
  ];
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("records.catalogue")}
        subtitle={t("records.keyImmutable")}
        actions={
          <DialogForm
            label={t("records.addType")}
            title={t("records.addType")}
            schema="violationType"
            action={createViolationTypeAction}
            testId="add-type"
            fields={[
              {
                name: "key",
                label: t("records.catalogueKey"),
                required: true,
                placeholder: "e.g. phone_while_riding",
                wide: true,
              },
              ...fields(),
            ]}
          />
        }
      />
      <Card>
        <Table data-testid="catalogue-table">
          <thead>
            <tr>
              <Th>{t("records.catalogueKey")}</Th>
              <Th>{t("records.nameZh")}</Th>
              <Th>{t("records.nameEn")}</Th>
              <Th className="text-right">{t("records.fineYuan")}</Th>
              <Th className="text-right">{t("records.points")}</Th>
              <Th>{t("records.licenceAction")}</Th>
              <Th className="text-right">{t("records.maxDetentionDays")}</Th>
              <Th>{t("common.status")}</Th>
              <Th>{t("common.actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {types.map((v) => (
              <Tr key={v.key} className={v.active ? undefined : "opacity-60"}>
                <Td className="font-mono text-xs">{v.key}</Td>
                <Td>{v.nameZh}</Td>
                <Td className="text-slate-600">{v.nameEn}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">
                  {v.fineMaxYuan ? `${v.fineMinYuan}–${v.fineMaxYuan}` : "—"}
                </Td>
                <Td className="text-right tabular-nums">{v.points}</Td>
                <Td>{t(`records.licenceActions.${v.licenceAction}`)}</Td>
                <Td className="text-right tabular-nums">{v.maxDetentionDays || "—"}</Td>
                <Td className="space-x-1 whitespace-nowrap">
                  {v.serious && <Badge tone="red">{t("records.serious")}</Badge>}
                  {v.auxiliaryMayRecord && <Badge tone="blue">{t("records.auxiliaryMayRecord")}</Badge>}
                  {!v.active && <Badge>{t("admin.activeNo")}</Badge>}
                </Td>
                <Td>
                  <DialogForm
                    label={t("records.editType")}
                    title={`${t("records.editType")} · ${v.key}`}
                    schema="violationType"
                    action={updateViolationTypeAction}
                    hidden={{ key: v.key }}
                    size="sm"
                    variant="ghost"
                    testId={`edit-type-${v.key}`}
                    fields={fields(v)}
                  />
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
