/**
 * The statistics report as tables, section by section: what the report page shows under
 * each chart and what the XLSX export writes, one sheet per table. Pure (the caller
 * passes the translations and the violation-type names), so it is tested without a server.
 */
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import type { Report } from "./compute-report";
import { drill, type DrillScope } from "./drilldown";
import type { StatRow, StatTable } from "./tables";
import type { Compared } from "./yoy";
import { incidentTables } from "@/lib/incidents/tables";

export const REPORT_SECTIONS = [
  "profile",
  "accidents",
  "violations",
  "operations",
  "window",
  "hazards",
  "keyVehicles",
  "incidents",
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export interface ReportTableContext {
  t: TFunction;
  locale: Locale;
  /** Violation type key → its name in both languages. */
  typeNames: Map<string, { nameZh: string; nameEn: string }>;
  /** Drill-down links (omitted in the export, and for lists the user may not open). */
  links?: { scope: DrillScope; violations: boolean; accidents: boolean; window: boolean; hazards: boolean };
}

const share = (n: number, total: number) => (total ? Math.round((n / total) * 10_000) / 100 : null);

/** "item | this period | same period last year | 同比" rows from compared figures. */
function comparedRows(
  ctx: ReportTableContext,
  prefix: string,
  items: [
    string,
    Compared | { value: number | null; prev: number | null; yoyPct?: number | null },
    Partial<StatRow>?,
  ][],
): StatRow[] {
  return items.map(([key, c, extra]) => ({
    key,
    ...extra,
    cells: { item: ctx.t(`${prefix}.${key}`), value: c.value, prev: c.prev, yoy: c.yoyPct ?? null },
  }));
}

function comparedColumns(t: TFunction) {
  return [
    { key: "item", label: t("stats.item"), kind: "text" as const },
    { key: "value", label: t("stats.thisPeriod") },
    { key: "prev", label: t("stats.samePeriodLastYear") },
    { key: "yoy", label: t("stats.yoy"), kind: "pct" as const },
  ];
}

function valueTable(
  ctx: ReportTableContext,
  key: string,
  title: string,
  prefix: string,
  items: [string, number | null, Partial<StatRow>?][],
  kinds: Record<string, "rate" | "decimal"> = {},
): StatTable {
  return {
    key,
    title,
    columns: [
      { key: "item", label: ctx.t("stats.item"), kind: "text" },
      { key: "value", label: ctx.t("stats.value"), kind: "decimal" },
    ],
    rows: items.map(([k, v, extra]) => ({
      key: k,
      ...extra,
      cells: { item: ctx.t(`${prefix}.${k}`) + (kinds[k] === "rate" ? " (%)" : ""), value: v },
    })),
  };
}

/**
 * "name | this period | share" for a breakdown (violations by type, window business by
 * category…): a row per item ([name, count, drill-down link]) with its share of `total`,
 * and, given `totalRow` (its link), a closing total row.
 */
function shareTable(
  t: TFunction,
  key: string,
  title: string,
  o: {
    column: { key: string; label: string };
    items: [string, number, Partial<StatRow>][];
    total: number;
    totalRow?: Partial<StatRow>;
  },
): StatTable {
  const { column, total } = o;
  return {
    key,
    title,
    columns: [
      { ...column, kind: "text" },
      { key: "count", label: t("stats.thisPeriod") },
      { key: "share", label: t("stats.share"), kind: "rate" },
    ],
    rows: [
      ...o.items.map(([name, n, link]) => ({
        ...link,
        cells: { [column.key]: name, count: n, share: share(n, total) },
      })),
      ...(o.totalRow
        ? [
            {
              strong: true,
              ...o.totalRow,
              cells: { [column.key]: t("common.total"), count: total, share: total ? 100 : null },
            },
          ]
        : []),
    ],
  };
}

export function reportTables(r: Report, ctx: ReportTableContext): Record<ReportSection, StatTable[]> {
  const { t, locale, links } = ctx;
  const L = links;
  const typeName = (k: string) => {
    const n = ctx.typeNames.get(k);
    return n ? (locale === "zh" ? n.nameZh : n.nameEn) : k;
  };
  const p = r.profile;
  const a = r.accidents;
  const v = r.violations;
  const w = r.window;
  const acc = (f: Parameters<typeof drill.accidents>[1] = {}) =>
    L?.accidents ? { href: drill.accidents(L.scope, f) } : {};
  const vio = (f: Parameters<typeof drill.violations>[1] = {}) =>
    L?.violations ? { href: drill.violations(L.scope, f) } : {};
  const win = (f: Parameters<typeof drill.transactions>[1] = {}) =>
    L?.window ? { href: drill.transactions(L.scope, f) } : {};

  const profile = valueTable(ctx, "profile", t("stats.report.tables.profile"), "stats.report.profile", [
    ["population", p?.population ?? null],
    ["roadKm", p?.roadKm ?? null],
    ["drivers", p?.drivers ?? null],
    ["vehicles", p?.vehicles ?? null],
    ["police", p?.police ?? null],
    ["auxiliaries", p?.auxiliaries ?? null],
    ["vehiclesPerPolice", p?.vehiclesPerPolice ?? null],
    ["driversPerPolice", p?.driversPerPolice ?? null],
    ["roadKmPerPolice", p?.roadKmPerPolice ?? null],
    ["squads", r.organisation.squads],
    ["urbanSquads", r.organisation.urbanSquads],
    ["ruralAreaSquads", r.organisation.ruralAreaSquads],
  ]);

  const accidents: StatTable = {
    key: "accidents",
    title: t("stats.report.tables.accidents"),
    columns: comparedColumns(t),
    rows: [
      ...comparedRows(ctx, "stats.report.accidents", [
        ["total", a.total, { strong: true, ...acc() }],
        ["fatalAccidents", a.fatalAccidents, acc({ severity: "fatal" })],
        ["deaths", a.deaths, acc({ severity: "fatal" })],
        ["injuryAccidents", a.injuryAccidents, acc({ severity: "injury" })],
        ["injured", a.injured, acc({ severity: "injury" })],
        ["majorAccidents", a.majorAccidents, acc({ major: true })],
        ["propertyLossYuan", a.propertyLossYuan],
        ["hitAndRun", a.hitAndRun, acc({ hitAndRun: true })],
        ["hitAndRunSolved", a.hitAndRunSolved, { upIsGood: true }],
        ["quickHandled", a.quickHandled, { upIsGood: true }],
        ["remoteHandled", a.remoteHandled, { upIsGood: true }],
        [
          "deathsPer10kVehicles",
          { value: a.deathsPer10kVehicles.value, prev: a.deathsPer10kVehicles.prev, yoyPct: null },
        ],
      ]),
      {
        cells: { item: t("stats.report.accidents.rescueFundCases"), value: a.rescueFund.cases, prev: null, yoy: null },
      },
      { cells: { item: t("stats.report.accidents.rescueFundYuan"), value: a.rescueFund.yuan, prev: null, yoy: null } },
    ],
  };
  // Hours 0–11 beside 12–23: twelve rows instead of twenty-four, as printed statistics do.
  const hourTotal = Object.values(a.byHour).reduce((s, n) => s + n, 0);
  const hourCells = (h: number, suffix: string) => ({
    [`hour${suffix}`]: `${String(h).padStart(2, "0")}:00–${String(h + 1).padStart(2, "0")}:00`,
    [`count${suffix}`]: a.byHour[String(h)] ?? 0,
    [`share${suffix}`]: share(a.byHour[String(h)] ?? 0, hourTotal),
  });
  const hourColumns = (suffix: string) => [
    { key: `hour${suffix}`, label: t("stats.hour"), kind: "text" as const },
    { key: `count${suffix}`, label: t("stats.cards.accidents") },
    { key: `share${suffix}`, label: t("stats.share"), kind: "rate" as const },
  ];
  const byHour: StatTable = {
    key: "accidents-by-hour",
    title: t("stats.report.tables.accidentsByHour"),
    columns: [...hourColumns(""), ...hourColumns("Pm")],
    rows: Array.from({ length: 12 }, (_, h) => ({
      key: String(h),
      cells: { ...hourCells(h, ""), ...hourCells(h + 12, "Pm") },
    })),
  };

  const types = Object.entries(v.byType)
    .filter(([, n]) => n > 0)
    .sort((x, y) => y[1] - x[1]);
  const byType = shareTable(t, "violations-by-type", t("stats.report.tables.violationsByType"), {
    column: { key: "type", label: t("stats.violationType") },
    items: types.map(([k, n]) => [typeName(k), n, vio({ type: k })]),
    total: v.total,
    totalRow: vio(),
  });
  const enforcement: StatTable = {
    key: "enforcement",
    title: t("stats.report.tables.enforcement"),
    columns: comparedColumns(t),
    rows: [
      ...comparedRows(ctx, "stats.report.violations", [
        ["total", v.totalCompared, { strong: true, ...vio() }],
        ["serious", v.serious, vio({ serious: true })],
      ]),
      ...(
        [
          ["administrativeDetentions", v.administrativeDetentions],
          ["licencesSeized", v.licencesSeized],
          ["finesYuan", v.finesYuan],
          ["points", v.points],
        ] as const
      ).map(([k, n]) => ({ cells: { item: t(`stats.report.violations.${k}`), value: n, prev: null, yoy: null } })),
      ...Object.entries(v.bySource).map(([k, n]) => ({
        key: `source:${k}`,
        cells: {
          item: t("stats.report.violations.bySource", { source: t(`records.sources.${k}`) }),
          value: n,
          prev: null,
          yoy: null,
        },
      })),
    ],
  };

  const operations = valueTable(ctx, "operations", t("stats.report.tables.operations"), "stats.report.operations", [
    ["specialCampaigns", r.operations.specialCampaigns],
    ["securityEscortTasks", r.operations.securityEscortTasks],
  ]);

  const byBusiness = shareTable(t, "window-by-business", t("stats.report.tables.windowByBusiness"), {
    column: { key: "business", label: t("stats.business") },
    items: Object.entries(w.byBusiness).map(([k, n]) => [t(`window.categories.${k}`), n, win({ category: k })]),
    total: w.transactions,
    totalRow: win(),
  });
  const channels = Object.entries(w.byChannel).sort((x, y) => y[1] - x[1]);
  const byChannel = shareTable(t, "window-by-channel", t("stats.report.tables.windowByChannel"), {
    column: { key: "channel", label: t("stats.channel") },
    items: channels.map(([k, n]) => [t(`window.channels.${k}`), n, win({ channel: k })]),
    total: w.transactions,
  });
  const service = valueTable(
    ctx,
    "window-service",
    t("stats.report.tables.windowService"),
    "stats.report.window",
    [
      ["transactions", w.transactions, { strong: true, ...win() }],
      ["returned", w.returned],
      ["refused", w.refused],
      ["afterHours", w.afterHours, win({ afterHours: true })],
      ["outreachTrips", w.outreachTrips],
      ["servicePoints", w.policeInsuranceServicePoints],
      ["difficultCases", w.difficultCases, win({ difficult: true })],
      ["difficultCasesSolved", w.difficultCasesSolved],
      ["complaints", w.complaints],
      ["satisfied", w.ratings.satisfied],
      ["basic", w.ratings.basic],
      ["dissatisfied", w.ratings.dissatisfied],
      ["satisfactionPct", w.ratings.satisfactionPct],
      ["averageWaitMinutes", w.averageWaitMinutes],
      ["averageServiceMinutes", w.averageServiceMinutes],
      ["feesYuan", w.feesYuan],
    ],
    { satisfactionPct: "rate" },
  );

  const hz = L?.hazards ? { href: drill.hazards(L.scope) } : {};
  const hazards = valueTable(
    ctx,
    "hazards",
    t("stats.report.tables.hazards"),
    "stats.report.hazards",
    [
      ["found", r.hazards.found, hz],
      ["closed", r.hazards.closed, L?.hazards ? { href: drill.hazards(L.scope, { status: "closed" }) } : {}],
      ["closureRatePct", r.hazards.closureRatePct],
      ["openNow", r.hazards.openNow],
    ],
    { closureRatePct: "rate" },
  );

  const kv = r.keyVehicles;
  const keyVehicles = valueTable(
    ctx,
    "key-vehicles",
    t("stats.report.tables.keyVehicles"),
    "stats.report.keyVehicles",
    [
      ["sourceHazardsRemedied", kv.sourceHazardsRemedied],
      ["unqualifiedCoachDriversDismissed", kv.unqualifiedCoachDriversDismissed],
      ["offencesProsecuted", kv.offencesProsecuted],
      ["enterprisesInterviewed", kv.enterprisesInterviewed],
      ["overdueVehiclesInspected", kv.overdueVehiclesInspected],
      ["noticeLetters", kv.noticeLetters],
      ["findingsRaised", kv.findingsRaised],
    ],
  );

  return {
    profile: [profile],
    accidents: [accidents, byHour],
    violations: [byType, enforcement],
    operations: [operations],
    window: [byBusiness, byChannel, service],
    hazards: [hazards],
    keyVehicles: [keyVehicles],
    incidents: (({ response, byKind, bySource }) => [response, byKind, bySource])(incidentTables(r.incidents, ctx)),
  };
}

/** "2019年" for a calendar year, else the date range; the report's title and the sheets' heading. */
export function reportPeriodLabel(r: Pick<Report, "year" | "period">, t: TFunction): string {
  return r.year
    ? t("stats.report.yearTitle", { year: r.year })
    : t("stats.periodRange", { from: r.period.from, to: r.period.to });
}
