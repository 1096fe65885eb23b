import Link from "next/link";
import { BlackSpotButton } from "@/components/records/black-spot-button";
import { Badge } from "@/components/ui/badge";
import { CardTable } from "@/components/ui/data-table";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
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
      <CardTable
        testId="black-spots"
        emptyTitle={t("hazards.noBlackSpots")}
        rows={spots}
        rowKey={(s) => s.cell}
        columns={[
          {
            header: t("hazards.roads"),
            cell: (s) => (
              <>
                <Link
                  href={`/hazards/black-spots/${s.cell}`}
                  className="text-brand-700 hover:underline"
                  data-testid={`spot-${s.cell}`}
                >
                  {s.roads.join("、") || t("measures.openSpot")}
                </Link>
                <div className="font-mono text-xs text-slate-600">{s.cell}</div>
              </>
            ),
          },
          { header: t("hazards.accidentsCount"), numeric: true, className: "font-semibold", cell: (s) => s.accidents },
          { header: t("hazards.fatalCount"), numeric: true, cell: (s) => s.fatal },
          { header: t("hazards.deaths"), numeric: true, cell: (s) => s.deaths },
          { header: t("hazards.injured"), numeric: true, cell: (s) => s.injured },
          {
            header: t("hazards.lastAccident"),
            className: "whitespace-nowrap",
            cell: (s) => formatDate(s.lastAt, locale),
          },
          {
            header: t("hazards.coordinates"),
            className: "whitespace-nowrap font-mono text-xs",
            cell: (s) => (
              <>
                {s.lat.toFixed(4)}, {s.lng.toFixed(4)}
              </>
            ),
          },
          {
            header: t("common.actions"),
            cell: (s) =>
              s.openHazardId ? (
                <Link href="/hazards" className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline">
                  <Badge tone="yellow">{t("hazards.hazardExists")}</Badge>
                </Link>
              ) : can(user, "hazard.manage") ? (
                <BlackSpotButton cell={s.cell} />
              ) : (
                "—"
              ),
          },
        ]}
      />
    </div>
  );
}
