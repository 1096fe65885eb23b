import { badgeColumn, enterpriseField, RegistryList, registryFields } from "@/components/hazards/registry-parts";
import { day } from "@/components/records/registry-helpers";
import { Badge } from "@/components/ui/badge";
import { FilterBar } from "@/components/ui/filter-bar";
import { Forbidden } from "@/components/ui/notices";
import { listKeyVehicles } from "@/lib/keyvehicles/registry";
import { KEY_VEHICLE_CLASSES, KEY_VEHICLE_STATUSES, PLATE_COLORS } from "@/lib/records/enums";
import { localDate } from "@/lib/time";
import { registryRequest } from "@/lib/keyvehicles/registry-request";

/** Key vehicles (两客一危一校/一货): class, enterprise, inspection and scrapping dates; overdue ones flagged. */
export default async function KeyVehiclesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const request = await registryRequest({ searchParams, list: listKeyVehicles });
  if (!request) return <Forbidden />;
  const { clean, input, t, page, enterprises, manage } = request;
  type Vehicle = (typeof page.items)[number];
  const today = localDate(new Date());
  const late = (v: Vehicle) => v.status === "active" && !!v.inspectionDue && day(v.inspectionDue) < today;
  const f = registryFields(t);
  const classOptions = f.options(KEY_VEHICLE_CLASSES, "vehicleClasses");
  const plateColors = PLATE_COLORS.map((c) => ({ value: c, label: t(`records.plateColors.${c}`) }));
  return (
    <RegistryList
      kind="key-vehicles"
      t={t}
      manage={manage}
      create={[
        f.text("plate", { required: true, placeholder: "贵H12345" }),
        f.text("plateColor", {
          label: t("records.plateColor"),
          type: "select",
          defaultValue: "yellow",
          options: plateColors,
        }),
        f.choice("vehicleClass", classOptions, "coach"),
        enterpriseField(t, enterprises),
        f.date("inspectionDue"),
        f.date("scrapDue"),
      ]}
      edit={{
        name: (v) => v.plate,
        fields: (v) => [
          f.choice("vehicleClass", classOptions, v.vehicleClass),
          f.choice("status", f.options(KEY_VEHICLE_STATUSES, "vehicleStatuses"), v.status),
          enterpriseField(t, enterprises, v),
          f.date("inspectionDue", day(v.inspectionDue)),
          f.date("scrapDue", day(v.scrapDue)),
        ],
      }}
      filters={
        <FilterBar
          fields={[
            { name: "q", label: t("keyvehicles.plate"), placeholder: t("keyvehicles.plate"), className: "w-40" },
            {
              name: "kind",
              label: t("keyvehicles.vehicleClass"),
              type: "select",
              options: classOptions,
              className: "w-44",
            },
            { name: "overdue", label: t("keyvehicles.overdueOnly"), type: "checkbox" },
          ]}
          t={t}
          values={input}
          submit={t("common.filter")}
        />
      }
      page={page}
      params={clean}
      rowClassName={(v) => (late(v) ? "bg-red-50/60" : undefined)}
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
        badgeColumn<Vehicle>(t("keyvehicles.status"), (v) => ({
          tone: v.status === "active" ? "green" : "gray",
          label: t(`keyvehicles.vehicleStatuses.${v.status}`),
        })),
      ]}
    />
  );
}
