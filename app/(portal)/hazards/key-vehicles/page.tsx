import { DialogForm } from "@/components/ui/dialog-form";
import { editColumn, enterpriseField } from "@/components/hazards/registry-parts";
import { day } from "@/components/records/registry-helpers";
import { ListTable } from "@/components/records/list-table";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { listKeyVehicles, registryOptions } from "@/lib/keyvehicles/registry";
import { listKeySchema } from "@/lib/keyvehicles/schemas";
import { KEY_VEHICLE_CLASSES, KEY_VEHICLE_STATUSES, PLATE_COLORS } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { localDate } from "@/lib/time";
import { createKeyVehicleAction, updateKeyVehicleAction } from "@/lib/keyvehicles/actions";
import { listRequest } from "@/lib/records/list-request";

/** Key vehicles (两客一危一校/一货): class, enterprise, inspection and scrapping dates; overdue ones flagged. */
export default async function KeyVehiclesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const request = await listRequest({ view: "keyvehicle.view", schema: listKeySchema, searchParams });
  if (!request) return <Forbidden />;
  const { user, clean, input, t } = request;
  const [page, enterprises] = await Promise.all([
    orNotFound(listKeyVehicles({ actor: user, input })),
    registryOptions(user).then((o) => o.enterprises),
  ]);
  const today = localDate(new Date());
  const late = (v: (typeof page.items)[number]) =>
    v.status === "active" && !!v.inspectionDue && day(v.inspectionDue) < today;
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
                enterpriseField(t, enterprises),
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
      <ListTable
        t={t}
        testId="key-vehicles-table"
        rows={page.items}
        rowClassName={(v) => (late(v) ? "bg-red-50/60" : undefined)}
        basePath="/hazards/key-vehicles"
        params={clean}
        nextCursor={page.nextCursor}
        columns={[
          {
            header: t("keyvehicles.plate"),
            className: "whitespace-nowrap font-mono font-medium",
            cell: (v) => v.plate,
          },
          { header: t("keyvehicles.vehicleClass"), cell: (v) => t(`keyvehicles.vehicleClasses.${v.vehicleClass}`) },
          { header: t("keyvehicles.enterprise"), cell: (v) => v.enterprise?.name ?? "—" },
          {
            header: t("keyvehicles.inspectionDue"),
            className: "whitespace-nowrap",
            cell: (v) => (
              <>
                {day(v.inspectionDue) || "—"} {late(v) && <Badge tone="red">{t("keyvehicles.overdue")}</Badge>}
              </>
            ),
          },
          { header: t("keyvehicles.scrapDue"), className: "whitespace-nowrap", cell: (v) => day(v.scrapDue) || "—" },
          {
            header: t("keyvehicles.status"),
            cell: (v) => (
              <Badge tone={v.status === "active" ? "green" : "gray"}>
                {t(`keyvehicles.vehicleStatuses.${v.status}`)}
              </Badge>
            ),
          },
          editColumn<(typeof page.items)[number]>({
            t,
            when: manage,
            name: (v) => v.plate,
            schema: "keyVehicleUpdate",
            action: updateKeyVehicleAction,
            fields: (v) => [
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
              enterpriseField(t, enterprises, v),
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
            ],
          }),
        ]}
      />
    </div>
  );
}
