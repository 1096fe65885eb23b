import { DialogForm } from "@/components/ui/dialog-form";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { maskPhone } from "@/lib/identity/id-card";
import { listEnterprises } from "@/lib/keyvehicles/registry";
import { listKeySchema } from "@/lib/keyvehicles/schemas";
import { ENTERPRISE_KINDS } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { recordUnitsInScope } from "@/lib/records/units";
import { createEnterpriseAction } from "@/lib/keyvehicles/actions";
import { listQuery } from "@/lib/list-query";

/** Transport enterprises with their key vehicles, drivers and open findings. */
export default async function EnterprisesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "keyvehicle.view")) return <Forbidden />;
  const sp = await searchParams;
  const { clean, input } = listQuery(listKeySchema, sp);
  const [t, locale, page, units] = await Promise.all([
    getT(),
    getLocale(),
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
      <form className="flex gap-2" role="search">
        <Input
          name="q"
          defaultValue={input.q}
          placeholder={t("keyvehicles.name")}
          aria-label={t("keyvehicles.search")}
          className="w-64"
        />
        <button className={buttonClass("secondary")} type="submit">
          {t("common.search")}
        </button>
      </form>
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="enterprises-table">
            <thead>
              <tr>
                <Th>{t("keyvehicles.name")}</Th>
                <Th>{t("keyvehicles.kind")}</Th>
                <Th>{t("keyvehicles.contactName")}</Th>
                <Th className="text-right">{t("keyvehicles.vehicleCount")}</Th>
                <Th className="text-right">{t("keyvehicles.driverCount")}</Th>
                <Th className="text-right">{t("keyvehicles.openFindings")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((e) => (
                <Tr key={e.id}>
                  <Td className="font-medium">
                    {e.name}
                    {!e.active && <Badge className="ml-2">—</Badge>}
                    <div className="font-mono text-xs font-normal text-slate-600">{e.creditCode ?? ""}</div>
                  </Td>
                  <Td>{t(`keyvehicles.enterpriseKinds.${e.kind}`)}</Td>
                  <Td>
                    {e.contactName ?? "—"}
                    {e.contactPhone && <div className="text-xs text-slate-500">{maskPhone(e.contactPhone)}</div>}
                  </Td>
                  <Td className="text-right tabular-nums">
                    <a className="text-brand-700 hover:underline" href={`/hazards/key-vehicles?enterprise=${e.id}`}>
                      {e._count.vehicles}
                    </a>
                  </Td>
                  <Td className="text-right tabular-nums">
                    <a className="text-brand-700 hover:underline" href={`/hazards/drivers?enterprise=${e.id}`}>
                      {e._count.drivers}
                    </a>
                  </Td>
                  <Td className={`text-right tabular-nums ${e._count.findings ? "font-semibold text-red-700" : ""}`}>
                    {e._count.findings}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath="/hazards/enterprises" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
