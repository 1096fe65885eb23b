import { SectionTabs } from "@/components/records/section-tabs";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

export default async function AccidentsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const t = await getT();
  const tabs = [
    { href: "/accidents", label: t("records.accidents"), show: can(user, "accident.view") },
    { href: "/accidents/import", label: t("records.import"), show: can(user, "records.import") },
  ].filter((x) => x.show);
  return (
    <div>
      <SectionTabs tabs={tabs} label={t("nav.accidents")} />
      {children}
    </div>
  );
}
