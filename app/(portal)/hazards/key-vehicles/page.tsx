import { DialogForm } from "@/components/ui/dialog-form";
import { day } from "@/components/records/registry-helpers";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { listKeyVehicles, registryOptions } from "@/lib/keyvehicles/registry";
import { listKeySchema } from "@/lib/keyvehicles/schemas";
import { KEY_VEHICLE_CLASSES, KEY_VEHICLE_STATUSES, PLATE_COLORS } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { localDate } from "@/lib/time";
import { createKeyVehicleAction, updateKeyVehicleAction } from "@/lib/keyvehicles/actions";
import { listQuery } from "@/lib/list-query";

/** Key vehicles (两客一危一校/一货): class, enterprise, inspection and scrapping dates; overdue ones flagged. */
export default async function KeyVehiclesPage({
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
    orNotFound(listKeyVehicles({ actor: user, input })),
    registryOptions(user).then((o) => o.enterprises),
  ]);
  const today = localDate(new Date());
  const manage = can(user, "keyvehicle.manage");
  const classOptions = KEY_VEHICLE_CLASSES.map((c) => ({ value: c, label: t(`keyvehicles.vehicleClasses.${c}`) }));
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("keyvehicles.vehicles")}
        actions={
          manage ? (
            <DialogForm
              label={t("keyvehicles.newVehicle")}
              title={t("keyvehicles.newVehicle")}
              schema="keyVehicle"
              action={createKeyVehicleAction}
              testId="new-key-vehicle"
              fields={[
                { name: "plate", label: t("keyvehicles.plate"), required: true, placeholder: "贵H12345" },
                {
                  name: "plateColor",
                  label: t("records.plateColor"),
                  type: "select",
                  defaultValue: "yellow",
                  options: PLATE_COLORS.map((c) => ({ value: c, label: t(`records.plateColors.${c}`) })),
                },
                {
                  name: "vehicleClass",
                  label: t("keyvehicles.vehicleClass"),
                  type: "select",
                  required: true,
                  defaultValue: "coach",
                  options: classOptions,
                },
                { name: "enterpriseId", label: t("keyvehicles.enterprise"), type: "select", options: enterprises },
                { name: "inspectionDue", label: t("keyvehicles.inspectionDue"), type: "date" },
                { name: "scrapDue", label: t("keyvehicles.scrapDue"), type: "date" },
              ]}
            />
          ) : undefined
        }
      />
      <form className="flex flex-wrap items-end gap-2" role="search">
        <Input
          name="q"
          defaultValue={input.q}
          placeholder={t("keyvehicles.plate")}
          aria-label={t("keyvehicles.plate")}
          className="w-40"
        />
        <Select name="kind" defaultValue={input.kind ?? ""} aria-label={t("keyvehicles.vehicleClass")} className="w-44">
          <option value="">
            {t("keyvehicles.vehicleClass")}: {t("common.all")}
          </option>
          {classOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="true" defaultChecked={input.overdue} className="h-4 w-4" />
          {t("keyvehicles.overdueOnly")}
        </label>
        <button className={buttonClass("secondary")} type="submit">
          {t("common.filter")}
        </button>
      </form>
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="key-vehicles-table">
            <thead>
              <tr>
                <Th>{t("keyvehicles.plate")}</Th>
                <Th>{t("keyvehicles.vehicleClass")}</Th>
                <Th>{t("keyvehicles.enterprise")}</Th>
                <Th>{t("keyvehicles.inspectionDue")}</Th>
                <Th>{t("keyvehicles.scrapDue")}</Th>
                <Th>{t("keyvehicles.status")}</Th>
                {manage && <Th>{t("common.actions")}</Th>}
              </tr>
            </thead>
            <tbody>
              {page.items.map((v) => {
                const late = v.status === "active" && !!v.inspectionDue && day(v.inspectionDue) < today;
                return (
                  <Tr key={v.id} className={late ? "bg-red-50/60" : undefined}>
                    <Td className="whitespace-nowrap font-mono font-medium">{v.plate}</Td>
                    <Td>{t(`keyvehicles.vehicleClasses.${v.vehicleClass}`)}</Td>
                    <Td>{v.enterprise?.name ?? "—"}</Td>
                    <Td className="whitespace-nowrap">
                      {day(v.inspectionDue) || "—"} {late && <Badge tone="red">{t("keyvehicles.overdue")}</Badge>}
                    </Td>
                    <Td className="whitespace-nowrap">{day(v.scrapDue) || "—"}</Td>
                    <Td>
                      <Badge tone={v.status === "active" ? "green" : "gray"}>
                        {t(`keyvehicles.vehicleStatuses.${v.status}`)}
                      </Badge>
                    </Td>
                    {manage && (
                      <Td>
                        <DialogForm
                          label={t("common.edit")}
                          title={`${t("common.edit")} · ${v.plate}`}
                          schema="keyVehicleUpdate"
                          action={updateKeyVehicleAction}
                          hidden={{ id: v.id }}
                          size="sm"
                          variant="ghost"
                          fields={[
                            {
                              name: "vehicleClass",
                              label: t("keyvehicles.vehicleClass"),
                              type: "select",
                              required: true,
                              defaultValue: v.vehicleClass,
                              options: classOptions,
                            },
                            {
                              name: "status",
                              label: t("keyvehicles.status"),
                              type: "select",
                              required: true,
                              defaultValue: v.status,
                              options: KEY_VEHICLE_STATUSES.map((s) => ({
                                value: s,
                                label: t(`keyvehicles.vehicleStatuses.${s}`),
                              })),
                            },
                            {
                              name: "enterpriseId",
                              label: t("keyvehicles.enterprise"),
                              type: "select",
                              defaultValue: v.enterpriseId ?? "",
                              options: enterprises,
                            },
                            {
                              name: "inspectionDue",
                              label: t("keyvehicles.inspectionDue"),
                              type: "date",
                              defaultValue: day(v.inspectionDue),
                            },
                            {
                              name: "scrapDue",
                              label: t("keyvehicles.scrapDue"),
                              type: "date",
                              defaultValue: day(v.scrapDue),
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
      <CursorPager basePath="/hazards/key-vehicles" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
