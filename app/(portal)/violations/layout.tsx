import { SectionTabs } from "@/components/records/section-tabs";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

/** Violations section: the list, the appeals queue, operations and the import, each shown to who may use it. */
export default async function ViolationsLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const t = await getT();
  const tabs = [
    { href: "/violations", label: t("records.violations"), show: can(user, "violation.view") },
    {
      href: "/violations/appeals",
      label: t("records.appeals"),
      show: can(user, "appeal.decide") || can(user, "appeal.file"),
    },
    { href: "/violations/operations", label: t("records.operations"), show: can(user, "operation.view") },
    { href: "/violations/import", label: t("records.import"), show: can(user, "records.import") },
  ].filter((x) => x.show);
  return (
    <div>
      <SectionTabs tabs={tabs} label={t("nav.violations")} />
      {children}
    </div>
  );
}
