import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { PointForm } from "@/components/window/place-forms";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitsInScope } from "@/lib/units/read-units";
import { listServicePoints } from "@/lib/window/outreach";

export const metadata = { title: "警保合作服务点" };

export default async function PointsPage() {
  const user = await requirePageUser();
  if (!can(user, "window.view")) return <Forbidden />;
  const [t, locale, points, units] = await Promise.all([
    getT(),
    getLocale(),
    listServicePoints({ actor: user }),
    listUnitsInScope(user),
  ]);
  const unitOptions = units
    .filter((u) => u.kind === "BRIGADE" || u.kind === "SQUAD")
    .map((u) => ({ code: u.code, name: locale === "zh" ? u.nameZh : u.nameEn }));
  const open = points.filter((p) => !p.closedOn).length;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("window.points.title")}
        subtitle={t("window.points.count", { count: open })}
        actions={
          can(user, "window.manage") &&
          unitOptions.length > 0 && <PointForm units={unitOptions} label={t("window.points.new")} testId="new-point" />
        }
      />
      <Card>
        {points.length === 0 ? (
          <EmptyState title={t("window.points.empty")} className="border-0" />
        ) : (
          <Table data-testid="points-table">
            <thead>
              <tr>
                <Th>{t("window.points.name")}</Th>
                <Th>{t("window.points.township")}</Th>
                <Th>{t("window.points.village")}</Th>
                <Th>{t("window.points.partner")}</Th>
                <Th>{t("window.points.openedOn")}</Th>
                <Th>{t("common.status")}</Th>
                <Th className="text-right">{t("window.points.transactions")}</Th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <Tr key={p.id}>
                  <Td>
                    <Link className="text-brand-700 hover:underline" href={`/window/points/${p.id}`}>
                      {p.name}
                    </Link>
                  </Td>
                  <Td>{p.township ?? "—"}</Td>
                  <Td>{p.village}</Td>
                  <Td>{p.partner ?? "—"}</Td>
                  <Td>{p.openedOn ?? "—"}</Td>
                  <Td>
                    {p.closedOn ? (
                      <Badge>
                        {t("window.points.closed")} {p.closedOn}
                      </Badge>
                    ) : (
                      <Badge tone="green">{t("window.points.open")}</Badge>
                    )}
                  </Td>
                  <Td className="text-right">{p.transactions}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
