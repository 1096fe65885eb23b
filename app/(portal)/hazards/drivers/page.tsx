import { DialogForm } from "@/components/ui/dialog-form";
import { day } from "@/components/records/registry-helpers";
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
import { getT } from "@/lib/i18n/server";
import { maskIdCard } from "@/lib/identity/id-card";
import { driverQualified, listKeyDrivers, registryOptions } from "@/lib/keyvehicles/registry";
import { LICENCE_CLASSES, listKeySchema } from "@/lib/keyvehicles/schemas";
import { EMPLOYMENT, LICENCE_STATUSES } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { createKeyDriverAction, updateKeyDriverAction } from "@/lib/keyvehicles/actions";
import { listQuery } from "@/lib/list-query";

/** Drivers of key vehicles: licence and qualification status, employment; unqualified ones flagged. */
export default async function DriversPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "keyvehicle.view")) return <Forbidden />;
  const sp = await searchParams;
  const { clean, input } = listQuery(listKeySchema, sp);
  const [t, page, enterprises] = await Promise.all([
    getT(),
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
                { name: "enterpriseId", label: t("keyvehicles.enterprise"), type: "select", options: enterprises },
                { name: "qualificationNo", label: t("keyvehicles.qualificationNo") },
                { name: "qualificationExpires", label: t("keyvehicles.qualificationExpires"), type: "date" },
              ]}
            />
          ) : undefined
        }
      />
      <form className="flex gap-2" role="search">
        <Input
          name="q"
          defaultValue={input.q}
          placeholder={t("keyvehicles.driverName")}
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
          <Table data-testid="drivers-table">
            <thead>
              <tr>
                <Th>{t("keyvehicles.driverName")}</Th>
                <Th>{t("keyvehicles.idNumber")}</Th>
                <Th>{t("keyvehicles.licenceClass")}</Th>
                <Th>{t("keyvehicles.licenceStatus")}</Th>
                <Th>{t("keyvehicles.qualificationExpires")}</Th>
                <Th>{t("keyvehicles.enterprise")}</Th>
                <Th>{t("keyvehicles.qualified")}</Th>
                <Th>{t("keyvehicles.employment")}</Th>
                {manage && <Th>{t("common.actions")}</Th>}
              </tr>
            </thead>
            <tbody>
              {page.items.map((d) => {
                const ok = driverQualified(d);
                return (
                  <Tr key={d.id}>
                    <Td className="font-medium">{d.name}</Td>
                    <Td className="font-mono text-xs">{maskIdCard(d.idNumber)}</Td>
                    <Td>{d.licenceClass ?? "—"}</Td>
                    <Td>{t(`keyvehicles.licenceStatuses.${d.licenceStatus}`)}</Td>
                    <Td className="whitespace-nowrap">{day(d.qualificationExpires) || "—"}</Td>
                    <Td>{d.enterprise?.name ?? "—"}</Td>
                    <Td>
                      <Badge tone={ok ? "green" : "red"}>{ok ? t("keyvehicles.yes") : t("keyvehicles.no")}</Badge>
                    </Td>
                    <Td>
                      <Badge tone={d.employment === "employed" ? "blue" : "gray"}>
                        {t(`keyvehicles.employments.${d.employment}`)}
                      </Badge>
                    </Td>
                    {manage && (
                      <Td>
                        <DialogForm
                          label={t("common.edit")}
                          title={`${t("common.edit")} · ${d.name}`}
                          schema="keyDriverUpdate"
                          action={updateKeyDriverAction}
                          hidden={{ id: d.id }}
                          size="sm"
                          variant="ghost"
                          fields={[
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
                            {
                              name: "enterpriseId",
                              label: t("keyvehicles.enterprise"),
                              type: "select",
                              defaultValue: d.enterpriseId ?? "",
                              options: enterprises,
                            },
                          ]}
                        />
                      </Td>
                    )}
                  </Tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath="/hazards/drivers" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
