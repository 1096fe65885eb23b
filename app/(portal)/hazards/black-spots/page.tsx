import Link from "next/link";
import { BlackSpotButton } from "@/components/records/black-spot-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { blackSpotCandidates } from "@/lib/hazards/black-spots";
import { blackSpotsSchema } from "@/lib/hazards/schemas";
import { formatDate } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/pages";

/** Black-spot candidates (黑点): H3 cells with 3+ injury/fatal accidents in 12 months, one click to a hazard. */
export default async function BlackSpotsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "hazard.view")) return <Forbidden />;
  const sp = await searchParams;
  const parsed = blackSpotsSchema.safeParse({ unit: sp.unit });
  const [t, locale, spots] = await Promise.all([
    getT(),
    getLocale(),
    orNotFound(blackSpotCandidates({ actor: user, input: parsed.success ? parsed.data : blackSpotsSchema.parse({}) })),
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t("hazards.blackSpots")} subtitle={t("hazards.blackSpotsIntro")} />
      <Card>
        {spots.length === 0 ? (
          <EmptyState title={t("hazards.noBlackSpots")} className="border-0" />
        ) : (
          <Table data-testid="black-spots">
            <thead>
              <tr>
                <Th>{t("hazards.roads")}</Th>
                <Th className="text-right">{t("hazards.accidentsCount")}</Th>
                <Th className="text-right">{t("hazards.fatalCount")}</Th>
                <Th className="text-right">{t("hazards.deaths")}</Th>
                <Th className="text-right">{t("hazards.injured")}</Th>
                <Th>{t("hazards.lastAccident")}</Th>
                <Th>{t("hazards.coordinates")}</Th>
                <Th>{t("common.actions")}</Th>
              </tr>
            </thead>
            <tbody>
              {spots.map((s) => (
                <Tr key={s.cell}>
                  <Td>
                    <Link
                      href={`/hazards/black-spots/${s.cell}`}
                      className="text-brand-700 hover:underline"
                      data-testid={`spot-${s.cell}`}
                    >
                      {s.roads.join("、") || t("measures.openSpot")}
                    </Link>
                    <div className="font-mono text-xs text-slate-600">{s.cell}</div>
                  </Td>
                  <Td className="text-right font-semibold tabular-nums">{s.accidents}</Td>
                  <Td className="text-right tabular-nums">{s.fatal}</Td>
                  <Td className="text-right tabular-nums">{s.deaths}</Td>
                  <Td className="text-right tabular-nums">{s.injured}</Td>
                  <Td className="whitespace-nowrap">{formatDate(s.lastAt, locale)}</Td>
                  <Td className="whitespace-nowrap font-mono text-xs">
                    {s.lat.toFixed(4)}, {s.lng.toFixed(4)}
                  </Td>
                  <Td>
                    {s.openHazardId ? (
                      <Link
                        href="/hazards"
                        className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline"
                      >
                        <Badge tone="yellow">{t("hazards.hazardExists")}</Badge>
                      </Link>
                    ) : can(user, "hazard.manage") ? (
                      <BlackSpotButton cell={s.cell} />
                    ) : (
                      "—"
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
