import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "@/components/window/import-form";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

export const metadata = { title: "导入业务记录" };

export default async function ImportPage() {
  const user = await requirePageUser();
  if (!can(user, "window.import")) return <Forbidden />;
  const t = await getT();
  return (
    <div className="space-y-4">
      <PageHeader title={t("window.import.title")} subtitle={t("window.import.hint")} />
      <ImportForm />
    </div>
  );
}
