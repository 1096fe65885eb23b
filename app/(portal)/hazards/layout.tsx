import { SectionTabs } from "@/components/records/section-tabs";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

/** Hazards section: the board, black spots, and the key-vehicle registries and supervision (两客一危). */
export default async function HazardsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const t = await getT();
  const kv = can(user, "keyvehicle.view");
  const tabs = [
    { href: "/hazards", label: t("hazards.board"), show: can(user, "hazard.view") },
    { href: "/hazards/black-spots", label: t("hazards.blackSpots"), show: can(user, "hazard.view") },
    { href: "/hazards/supervision", label: t("keyvehicles.supervision"), show: kv },
    { href: "/hazards/key-vehicles", label: t("keyvehicles.vehicles"), show: kv },
    { href: "/hazards/enterprises", label: t("keyvehicles.enterprises"), show: kv },
    { href: "/hazards/drivers", label: t("keyvehicles.drivers"), show: kv },
  ].filter((x) => x.show);
  return (
    <div>
      <SectionTabs tabs={tabs} label={t("nav.hazards")} />
      {children}
    </div>
  );
}
