import {
  badgeColumn,
  enterpriseField,
  RegistryList,
  registryFields,
  RegistrySearch,
} from "@/components/hazards/registry-parts";
import { day } from "@/components/records/registry-helpers";
import { Forbidden } from "@/components/ui/notices";
import { maskIdCard } from "@/lib/identity/id-card";
import { driverQualified, listKeyDrivers } from "@/lib/keyvehicles/registry";
import { LICENCE_CLASSES } from "@/lib/keyvehicles/schemas";
import { EMPLOYMENT, LICENCE_STATUSES } from "@/lib/records/enums";
import { registryRequest } from "@/lib/keyvehicles/registry-request";

/** Drivers of key vehicles: licence and qualification status, employment; unqualified ones flagged. */
export default async function DriversPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const request = await registryRequest({ searchParams, list: listKeyDrivers });
  if (!request) return <Forbidden />;
  const { clean, input, t, page, enterprises, manage } = request;
  type Driver = (typeof page.items)[number];
  const f = registryFields(t);
  const statusOptions = f.options(LICENCE_STATUSES, "licenceStatuses");
  return (
    <RegistryList
      kind="drivers"
      t={t}
      manage={manage}
      create={[
        f.text("name", { label: t("keyvehicles.driverName"), required: true }),
        f.text("idNumber", { required: true }),
        f.text("licenceNumber"),
        f.text("licenceClass", { type: "select", options: LICENCE_CLASSES.map((c) => ({ value: c, label: c })) }),
        f.choice("licenceStatus", statusOptions, "valid"),
        enterpriseField(t, enterprises),
        f.text("qualificationNo"),
        f.date("qualificationExpires"),
      ]}
      edit={{
        name: (d) => d.name,
        fields: (d) => [
          f.choice("licenceStatus", statusOptions, d.licenceStatus),
          f.date("qualificationExpires", day(d.qualificationExpires)),
          f.choice("employment", f.options(EMPLOYMENT, "employments"), d.employment),
          enterpriseField(t, enterprises, d),
        ],
      }}
      filters={<RegistrySearch t={t} value={input.q} placeholder={t("keyvehicles.driverName")} />}
      page={page}
      params={clean}
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
        badgeColumn<Driver>(t("keyvehicles.qualified"), (d) =>
          driverQualified(d)
            ? { tone: "green", label: t("keyvehicles.yes") }
            : { tone: "red", label: t("keyvehicles.no") },
        ),
        badgeColumn<Driver>(t("keyvehicles.employment"), (d) => ({
          tone: d.employment === "employed" ? "blue" : "gray",
          label: t(`keyvehicles.employments.${d.employment}`),
        })),
      ]}
    />
  );
}
