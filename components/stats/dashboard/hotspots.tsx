import { BarsPanel } from "@/components/stats/bars-panel";
import type { DashboardPanelProps } from "@/components/stats/dashboard/panel-props";
import { COLORS } from "@/components/stats/colors";
import { Card } from "@/components/ui/card";
import { LoadingBlock } from "@/components/ui/states";
import { can } from "@/lib/auth/actor";
import { RISK_HEX } from "@/lib/duty/risk";
import { formatNumber } from "@/lib/i18n/format";
import { uniqueLabels } from "@/lib/stats/labels";
import { drill } from "@/lib/stats/drilldown";
import { getHotspots } from "@/lib/stats/hotspots";
import type { StatTable } from "@/lib/stats/tables";

/**
 * Top 10 black spots of the period and the riskiest road segments now. Reads raw
 * accident rows (not the rollups), so it streams in after the rest of the dashboard.
 */
export async function HotspotPanels({ actor, unitCode, period, t, locale }: DashboardPanelProps) {
  const { blackSpots, segments } = await getHotspots({ actor, unitCode, period });
  const spotHref = can(actor, "hazard.view") ? drill.blackSpots(unitCode) : undefined;
  const strip = commonPrefix(blackSpots.flatMap((s) => s.roads));
  // Grid, road, then the nearest named place: two spots never read the same.
  const near = (n: (typeof blackSpots)[number]["near"]) =>
    n &&
    t("stats.nearPlace", {
      place: n.name,
      dir: t(`stats.compass.${Math.round(n.bearing / 45) % 8}`),
      m: formatNumber(Math.round(n.distanceM / 10) * 10, locale),
    });
  const spotNames = uniqueLabels(
    blackSpots.map((s) => ({
      parts: [s.grid, s.roads[0]?.slice(strip) || t("stats.unnamedPlace"), near(s.near), s.roads[1]?.slice(strip)],
    })),
  );
  const spotRows = blackSpots.map((s, i) => ({
    label: `${i + 1}. ${spotNames[i]}`,
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
        place: `${i + 1}. ${spotNames[i]}`,
        accidents: s.accidents,
        fatal: s.fatal,
        deaths: s.deaths,
        injured: s.injured,
        cell: s.cell,
      },
    })),
  };
  const segNames = uniqueLabels(
    (segments ?? []).map((s) => ({
      parts: [s.grid, s.name, t("stats.km", { km: formatNumber(s.lengthM / 1000, locale, { digits: 1 }) })],
    })),
  );
  const segRows = (segments ?? []).map((s, i) => ({
    label: segNames[i],
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
        name: segNames[(segments ?? []).indexOf(s)],
        colour: t(`duty.risk.${s.colour}`),
        score: s.score,
        accidents: s.accidents,
        violations: s.violations,
      },
    })),
  };
  return (
    <div className={segments ? "grid gap-4 xl:grid-cols-2" : "grid gap-4"}>
      <BarsPanel
        testId="chart-black-spots"
        title={t("stats.charts.blackSpots")}
        subtitle={t("stats.charts.blackSpotsHint")}
        empty={blackSpots.length ? undefined : t("stats.noBlackSpots")}
        rows={spotRows}
        locale={locale}
        series={[{ key: "accidents", name: t("stats.cards.accidents"), color: COLORS.hazards }]}
        table={spotTable}
      />
      {segments && (
        <BarsPanel
          testId="chart-red-segments"
          title={t("stats.charts.redSegments")}
          subtitle={t("stats.charts.redSegmentsHint")}
          empty={segments.length ? undefined : t("stats.noSegments")}
          rows={segRows}
          locale={locale}
          series={[{ key: "score", name: t("stats.riskScore"), color: COLORS.bad }]}
          table={segTable}
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
