import { pageId } from "@/lib/pages";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/ui/notices";
import { PointForm } from "@/components/window/place-forms";
import { PlaceDetail } from "@/components/window/place-detail";
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
  return (
    <PlaceDetail
      actor={user}
      t={t}
      title={p.name}
      edit={can(user, "window.manage") && <PointForm point={p} units={[]} label={t("window.points.edit")} />}
      back="/window/points"
      facts={[
        [t("window.points.township"), p.township],
        [t("window.points.village"), p.village],
        [t("window.points.partner"), p.partner],
        [t("window.points.phone"), p.phone],
        [t("window.points.address"), p.address],
        [`${t("window.points.lat")} / ${t("window.points.lng")}`, p.lat !== null ? `${p.lat}, ${p.lng}` : null],
        [t("window.points.openedOn"), p.openedOn],
        [t("window.points.closedOn"), p.closedOn],
      ]}
      transactionsTitle={`${t("window.points.transactions")} (${p.transactions})`}
      filter={{ pointId: p.id }}
    />
  );
}
