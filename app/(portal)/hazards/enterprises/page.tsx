import { DialogForm } from "@/components/ui/dialog-form";
import { RegistrySearch } from "@/components/hazards/registry-parts";
import { ListTable } from "@/components/records/list-table";
import { Badge } from "@/components/ui/badge";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { maskPhone } from "@/lib/identity/id-card";
import { listEnterprises } from "@/lib/keyvehicles/registry";
import { listKeySchema } from "@/lib/keyvehicles/schemas";
import { ENTERPRISE_KINDS } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { recordUnitsInScope } from "@/lib/records/units";
import { createEnterpriseAction } from "@/lib/keyvehicles/actions";
import { listRequest } from "@/lib/records/list-request";

/** Transport enterprises with their key vehicles, drivers and open findings. */
export default async function EnterprisesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const request = await listRequest({ view: "keyvehicle.view", schema: listKeySchema, searchParams });
  if (!request) return <Forbidden />;
  const { user, clean, input, t, locale } = request;
  const [page, units] = await Promise.all([
    orNotFound(listEnterprises({ actor: user, input })),
    recordUnitsInScope(user),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("keyvehicles.enterprises")}
        actions={
          can(user, "keyvehicle.manage") ? (
            <DialogForm
              label={t("keyvehicles.newEnterprise")}
              title={t("keyvehicles.newEnterprise")}
              schema="enterprise"
              action={createEnterpriseAction}
              testId="new-enterprise"
              fields={[
                { name: "name", label: t("keyvehicles.name"), required: true, wide: true },
                {
                  name: "kind",
                  label: t("keyvehicles.kind"),
                  type: "select",
                  required: true,
                  defaultValue: "passenger",
                  options: ENTERPRISE_KINDS.map((k) => ({ value: k, label: t(`keyvehicles.enterpriseKinds.${k}`) })),
                },
                { name: "creditCode", label: t("keyvehicles.creditCode") },
                { name: "contactName", label: t("keyvehicles.contactName") },
                { name: "contactPhone", label: t("keyvehicles.contactPhone") },
                { name: "address", label: t("keyvehicles.address"), wide: true },
                ...(units.length > 1
                  ? [
                      {
                        name: "unitCode",
                        label: t("records.unit"),
                        type: "select" as const,
                        wide: true,
                        options: units.map((u) => ({ value: u.code, label: locale === "zh" ? u.nameZh : u.nameEn })),
                      },
                    ]
                  : []),
              ]}
            />
          ) : undefined
        }
      />
      <RegistrySearch t={t} value={input.q} placeholder={t("keyvehicles.name")} />
      <ListTable
        t={t}
        testId="enterprises-table"
        rows={page.items}
        basePath="/hazards/enterprises"
        params={clean}
        nextCursor={page.nextCursor}
        columns={[
          {
            header: t("keyvehicles.name"),
            className: "font-medium",
            cell: (e) => (
              <>
                {e.name}
                {!e.active && <Badge className="ml-2">—</Badge>}
                <div className="font-mono text-xs font-normal text-slate-600">{e.creditCode ?? ""}</div>
              </>
            ),
          },
          { header: t("keyvehicles.kind"), cell: (e) => t(`keyvehicles.enterpriseKinds.${e.kind}`) },
          {
            header: t("keyvehicles.contactName"),
            cell: (e) => (
              <>
                {e.contactName ?? "—"}
                {e.contactPhone && <div className="text-xs text-slate-500">{maskPhone(e.contactPhone)}</div>}
              </>
            ),
          },
          {
            header: t("keyvehicles.vehicleCount"),
            numeric: true,
            cell: (e) => (
              <a className="text-brand-700 hover:underline" href={`/hazards/key-vehicles?enterprise=${e.id}`}>
                {e._count.vehicles}
              </a>
            ),
          },
          {
            header: t("keyvehicles.driverCount"),
            numeric: true,
            cell: (e) => (
              <a className="text-brand-700 hover:underline" href={`/hazards/drivers?enterprise=${e.id}`}>
                {e._count.drivers}
              </a>
            ),
          },
          {
            header: t("keyvehicles.openFindings"),
            numeric: true,
            className: (e) => (e._count.findings ? "font-semibold text-red-700" : ""),
            cell: (e) => e._count.findings,
          },
        ]}
      />
    </div>
  );
}
