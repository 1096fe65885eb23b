import { ImportPanel } from "@/components/records/import-panel";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

export default async function ImportPage() {
  const user = await requirePageUser();
  if (!can(user, "records.import") || !can(user, "accident.create")) return <Forbidden />;
  const t = await getT();
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <PageHeader title={`${t("records.importTitle")} · ${t("records.accidents")}`} />
      <ImportPanel kind="accidents" />
    </div>
  );
}
