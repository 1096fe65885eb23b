import { DialogForm } from "@/components/ui/dialog-form";
import { editColumn, enterpriseField, RegistrySearch } from "@/components/hazards/registry-parts";
import { day } from "@/components/records/registry-helpers";
import { ListTable } from "@/components/records/list-table";
import { Badge } from "@/components/ui/badge";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { maskIdCard } from "@/lib/identity/id-card";
import { driverQualified, listKeyDrivers, registryOptions } from "@/lib/keyvehicles/registry";
import { LICENCE_CLASSES, listKeySchema } from "@/lib/keyvehicles/schemas";
import { EMPLOYMENT, LICENCE_STATUSES } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { createKeyDriverAction, updateKeyDriverAction } from "@/lib/keyvehicles/actions";
import { listRequest } from "@/lib/records/list-request";

/** Drivers of key vehicles: licence and qualification status, employment; unqualified ones flagged. */
export default async function DriversPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const request = await listRequest({ view: "keyvehicle.view", schema: listKeySchema, searchParams });
  if (!request) return <Forbidden />;
  const { user, clean, input, t } = request;
  const [page, enterprises] = await Promise.all([
    orNotFound(listKeyDrivers({ actor: user, input })),
    registryOptions(user).then((o) => o.enterprises),
  ]);
  const manage = can(user, "keyvehicle.manage");
  const statusOptions = LICENCE_STATUSES.map((s) => ({ value: s, label: t(`keyvehicles.licenceStatuses.${s}`) }));
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("keyvehicles.drivers")}
        actions={
          manage ? (
            <DialogForm
              label={t("keyvehicles.newDriver")}
              title={t("keyvehicles.newDriver")}
              schema="keyDriver"
              action={createKeyDriverAction}
              testId="new-key-driver"
              fields={[
                { name: "name", label: t("keyvehicles.driverName"), required: true },
                { name: "idNumber", label: t("keyvehicles.idNumber"), required: true },
                { name: "licenceNumber", label: t("keyvehicles.licenceNumber") },
                {
                  name: "licenceClass",
                  label: t("keyvehicles.licenceClass"),
                  type: "select",
                  options: LICENCE_CLASSES.map((c) => ({ value: c, label: c })),
                },
                {
                  name: "licenceStatus",
                  label: t("keyvehicles.licenceStatus"),
                  type: "select",
                  required: true,
                  defaultValue: "valid",
                  options: statusOptions,
                },
                enterpriseField(t, enterprises),
                { name: "qualificationNo", label: t("keyvehicles.qualificationNo") },
                { name: "qualificationExpires", label: t("keyvehicles.qualificationExpires"), type: "date" },
              ]}
            />
          ) : undefined
        }
      />
      <RegistrySearch t={t} value={input.q} placeholder={t("keyvehicles.driverName")} />
      <ListTable
        t={t}
        testId="drivers-table"
        rows={page.items}
        basePath="/hazards/drivers"
        params={clean}
        nextCursor={page.nextCursor}
        columns={[
          { header: t("keyvehicles.driverName"), className: "font-medium", cell: (d) => d.name },
          { header: t("keyvehicles.idNumber"), className: "font-mono text-xs", cell: (d) => maskIdCard(d.idNumber) },
          { header: t("keyvehicles.licenceClass"), cell: (d) => d.licenceClass ?? "—" },
          { header: t("keyvehicles.licenceStatus"), cell: (d) => t(`keyvehicles.licenceStatuses.${d.licenceStatus}`) },
          {
            header: t("keyvehicles.qualificationExpires"),
            className: "whitespace-nowrap",
            cell: (d) => day(d.qualificationExpires) || "—",
          },
          { header: t("keyvehicles.enterprise"), cell: (d) => d.enterprise?.name ?? "—" },
          {
            header: t("keyvehicles.qualified"),
            cell: (d) => {
              const ok = driverQualified(d);
              return <Badge tone={ok ? "green" : "red"}>{ok ? t("keyvehicles.yes") : t("keyvehicles.no")}</Badge>;
            },
          },
          {
            header: t("keyvehicles.employment"),
            cell: (d) => (
              <Badge tone={d.employment === "employed" ? "blue" : "gray"}>
                {t(`keyvehicles.employments.${d.employment}`)}
              </Badge>
            ),
          },
          editColumn<(typeof page.items)[number]>({
            t,
            when: manage,
            name: (d) => d.name,
            schema: "keyDriverUpdate",
            action: updateKeyDriverAction,
            fields: (d) => [
              {
                name: "licenceStatus",
                label: t("keyvehicles.licenceStatus"),
                type: "select",
                required: true,
                defaultValue: d.licenceStatus,
                options: statusOptions,
              },
              {
                name: "qualificationExpires",
                label: t("keyvehicles.qualificationExpires"),
                type: "date",
                defaultValue: day(d.qualificationExpires),
              },
              {
                name: "employment",
                label: t("keyvehicles.employment"),
                type: "select",
                required: true,
                defaultValue: d.employment,
                options: EMPLOYMENT.map((e) => ({ value: e, label: t(`keyvehicles.employments.${e}`) })),
              },
              enterpriseField(t, enterprises, d),
            ],
          }),
        ]}
      />
    </div>
  );
}
