import Link from "next/link";
import { pageId } from "@/lib/pages";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { PointForm } from "@/components/window/place-forms";
import { TransactionMiniTable } from "@/components/window/transaction-mini-table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { getServicePoint } from "@/lib/window/outreach";

export default async function PointPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "window.view")) return <Forbidden />;
  const id = await pageId(params);
  const p = await getServicePoint({ actor: user, id });
  if (!p) notFound();
  const t = await getT();
  const item = (label: string, value: React.ReactNode) => (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-medium">{value ?? "—"}</dd>
    </div>
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title={p.name}
        actions={
          <>
            {can(user, "window.manage") && <PointForm point={p} units={[]} label={t("window.points.edit")} />}
            <Link className="text-sm text-brand-700 hover:underline" href="/window/points">
              ← {t("common.back")}
            </Link>
          </>
        }
      />
      <Card>
        <CardBody>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {item(t("window.points.township"), p.township)}
            {item(t("window.points.village"), p.village)}
            {item(t("window.points.partner"), p.partner)}
            {item(t("window.points.phone"), p.phone)}
            {item(t("window.points.address"), p.address)}
            {item(
              `${t("window.points.lat")} / ${t("window.points.lng")}`,
              p.lat !== null ? `${p.lat}, ${p.lng}` : null,
            )}
            {item(t("window.points.openedOn"), p.openedOn)}
            {item(t("window.points.closedOn"), p.closedOn)}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={`${t("window.points.transactions")} (${p.transactions})`} />
        <TransactionMiniTable actor={user} filter={{ pointId: p.id }} />
      </Card>
    </div>
  );
}
