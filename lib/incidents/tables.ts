/**
 * 接处警 figures as statistics tables (pure): the dashboard shows them, the report prints
 * them and the XLSX export writes them, so they can never disagree.
 */
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import type { StatRow, StatTable } from "@/lib/stats/tables";
import type { IncidentStats } from "./stats";

type Figure = { value: number | null; lastYear: number | null; yoyPct: number | null };

const share = (n: number, total: number) => (total ? Math.round((n / total) * 10_000) / 100 : null);

export function incidentTables(
  s: IncidentStats,
  { t, locale }: { t: TFunction; locale: Locale },
): { response: StatTable; byKind: StatTable; bySource: StatTable; byBrigade: StatTable } {
  const row = (key: string, f: Figure, extra: Partial<StatRow> = {}): StatRow => ({
    key,
    ...extra,
    cells: { item: t(`incidentStats.${key}`), value: f.value, prev: f.lastYear, yoy: f.yoyPct },
  });
  const total = s.incidents.value ?? 0;
  const counted = (key: string, items: { key: string; n: number }[], ns: string): StatTable => ({
    key: `incidents-${key}`,
    title: t(`incidentStats.${key}`),
    columns: [
      { key: "item", label: t("stats.item"), kind: "text" },
      { key: "count", label: t("incidentStats.count") },
      { key: "share", label: t("stats.share"), kind: "rate" },
    ],
    rows: items.map((i) => ({
      key: i.key,
      cells: { item: t(`${ns}.${i.key}`), count: i.n, share: share(i.n, total) },
    })),
  });
  return {
    response: {
      key: "incidents-response",
      title: t("incidentStats.title"),
      columns: [
        { key: "item", label: t("stats.item"), kind: "text" },
        { key: "value", label: t("stats.thisPeriod"), kind: "decimal" },
        { key: "prev", label: t("stats.samePeriodLastYear"), kind: "decimal" },
        { key: "yoy", label: t("stats.yoy"), kind: "pct" },
      ],
      rows: [
        row("incidents", s.incidents, { strong: true }),
        row("dispatchMedian", s.dispatchMedian),
        row("dispatchP90", s.dispatchP90),
        row("arriveMedian", s.arriveMedian),
        row("arriveP90", s.arriveP90),
        row("closedWithFeedback", s.closedWithFeedbackPct, { upIsGood: true }),
      ],
    },
    byKind: counted("byKind", s.byKind, "incidents.kinds"),
    bySource: counted("bySource", s.bySource, "incidents.sources"),
    byBrigade: {
      key: "incidents-brigades",
      title: t("incidentStats.byBrigade"),
      columns: [
        { key: "brigade", label: t("incidentStats.brigade"), kind: "text" },
        { key: "incidents", label: t("incidentStats.count") },
        { key: "dispatchMedian", label: t("incidentStats.dispatchMedian"), kind: "decimal" },
        { key: "arriveMedian", label: t("incidentStats.arriveMedian"), kind: "decimal" },
        { key: "arriveP90", label: t("incidentStats.arriveP90"), kind: "decimal" },
        { key: "feedback", label: t("incidentStats.closedWithFeedback"), kind: "rate" },
      ],
      rows: s.byBrigade.map((b) => ({
        key: b.code,
        cells: {
          brigade: locale === "zh" ? b.nameZh : b.nameEn,
          incidents: b.incidents,
          dispatchMedian: b.dispatchMedian,
          arriveMedian: b.arriveMedian,
          arriveP90: b.arriveP90,
          feedback: b.closedWithFeedbackPct,
        },
      })),
    },
  };
}
