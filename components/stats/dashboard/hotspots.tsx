import { ChartPanel } from "@/components/stats/chart-panel";
import { BarChart } from "@/components/stats/charts/lazy";
import { COLORS } from "@/components/stats/colors";
import { Card } from "@/components/ui/card";
import { LoadingBlock } from "@/components/ui/states";
import { can, type Actor } from "@/lib/auth/actor";
import { RISK_HEX } from "@/lib/duty/risk";
import type { TFunction } from "@/lib/i18n/translate";
import { drill } from "@/lib/stats/drilldown";
import { getHotspots } from "@/lib/stats/hotspots";
import type { Period } from "@/lib/stats/periods";
import type { StatTable } from "@/lib/stats/tables";

/**
 * Top 10 black spots of the period and the riskiest road segments now. Reads raw
 * accident rows (not the rollups), so it streams in after the rest of the dashboard.
 */
export async function HotspotPanels({
  actor,
  unitCode,
  period,
  t,
}: {
  actor: Actor;
  unitCode: string;
  period: Period;
  t: TFunction;
}) {
  const { blackSpots, segments } = await getHotspots({ actor, unitCode, period });
  const spotHref = can(actor, "hazard.view") ? drill.blackSpots(unitCode) : undefined;
  const strip = commonPrefix(blackSpots.flatMap((s) => s.roads));
  const spotLabel = (s: (typeof blackSpots)[number], i: number) =>
    `${i + 1}. ${s.roads[0]?.slice(strip) || t("stats.unnamedPlace")}`;
  const spotRows = blackSpots.map((s, i) => ({
    label: spotLabel(s, i),
    accidents: s.accidents,
    fill: s.deaths ? COLORS.bad : COLORS.hazards,
    href: spotHref,
  }));
  const spotTable: StatTable = {
    key: "black-spots",
    title: t("stats.charts.blackSpots"),
    columns: [
      { key: "place", label: t("stats.place"), kind: "text" },
      { key: "accidents", label: t("stats.cards.accidents") },
      { key: "fatal", label: t("stats.cards.fatalAccidents") },
      { key: "deaths", label: t("stats.cards.deaths") },
      { key: "injured", label: t("stats.cards.injured") },
      { key: "cell", label: t("stats.h3cell"), kind: "text" },
    ],
    rows: blackSpots.map((s, i) => ({
      href: spotHref,
      cells: {
        place: `${i + 1}. ${s.roads.join(" / ") || t("stats.unnamedPlace")}`,
        accidents: s.accidents,
        fatal: s.fatal,
        deaths: s.deaths,
        injured: s.injured,
        cell: s.cell,
      },
    })),
  };
  const segRows = (segments ?? []).map((s) => ({
    label: s.name,
    score: s.score,
    fill: RISK_HEX[s.colour],
    href: drill.grid(s.gridId),
  }));
  const segTable: StatTable = {
    key: "red-segments",
    title: t("stats.charts.redSegments"),
    columns: [
      { key: "name", label: t("stats.segment"), kind: "text" },
      { key: "colour", label: t("stats.riskColour"), kind: "text" },
      { key: "score", label: t("stats.riskScore") },
      { key: "accidents", label: t("stats.cards.accidents") },
      { key: "violations", label: t("stats.cards.violations") },
    ],
    rows: (segments ?? []).map((s) => ({
      href: drill.grid(s.gridId),
      cells: {
        name: s.name,
        colour: t(`duty.risk.${s.colour}`),
        score: s.score,
        accidents: s.accidents,
        violations: s.violations,
      },
    })),
  };
  return (
    <div className={segments ? "grid gap-4 xl:grid-cols-2" : "grid gap-4"}>
      <ChartPanel
        testId="chart-black-spots"
        title={t("stats.charts.blackSpots")}
        subtitle={t("stats.charts.blackSpotsHint")}
        height={300}
        empty={blackSpots.length ? undefined : t("stats.noBlackSpots")}
        chart={
          <BarChart
            horizontal
            rows={spotRows}
            height={300}
            label={t("stats.charts.blackSpots")}
            series={[{ key: "accidents", name: t("stats.cards.accidents"), color: COLORS.hazards }]}
          />
        }
        tableData={spotTable}
      />
      {segments && (
        <ChartPanel
          testId="chart-red-segments"
          title={t("stats.charts.redSegments")}
          subtitle={t("stats.charts.redSegmentsHint")}
          height={300}
          empty={segments.length ? undefined : t("stats.noSegments")}
          chart={
            <BarChart
              horizontal
              rows={segRows}
              height={300}
              label={t("stats.charts.redSegments")}
              series={[{ key: "score", name: t("stats.riskScore"), color: COLORS.bad }]}
            />
          }
          tableData={segTable}
        />
      )}
    </div>
  );
}

/** Addresses all start with the county's name ("镇远县…"); the chart has no room to repeat it. */
function commonPrefix(names: string[]): number {
  if (names.length < 2) return 0;
  let n = 0;
  while (n < names[0].length && names.every((x) => x[n] === names[0][n])) n++;
  return n >= 2 && names.every((x) => x.length > n) ? n : 0;
}

export function HotspotsLoading({ label }: { label: string }) {
  return (
    <Card>
      <LoadingBlock label={label} />
    </Card>
  );
}
