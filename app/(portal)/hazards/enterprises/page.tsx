import { RegistryList, registryFields, RegistrySearch } from "@/components/hazards/registry-parts";
import { Badge } from "@/components/ui/badge";
import { Forbidden } from "@/components/ui/notices";
import { can } from "@/lib/auth/actor";
import { maskPhone } from "@/lib/identity/id-card";
import { listEnterprises } from "@/lib/keyvehicles/registry";
import { listKeySchema } from "@/lib/keyvehicles/schemas";
import { ENTERPRISE_KINDS } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { recordUnitsInScope } from "@/lib/records/units";
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
  const f = registryFields(t);
  return (
    <RegistryList
      kind="enterprises"
      t={t}
      manage={can(user, "keyvehicle.manage")}
      create={[
        f.text("name", { required: true, wide: true }),
        f.choice("kind", f.options(ENTERPRISE_KINDS, "enterpriseKinds"), "passenger"),
        f.text("creditCode"),
        f.text("contactName"),
        f.text("contactPhone"),
        f.text("address", { wide: true }),
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
      filters={<RegistrySearch t={t} value={input.q} placeholder={t("keyvehicles.name")} />}
      page={page}
      params={clean}
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
  );
}
