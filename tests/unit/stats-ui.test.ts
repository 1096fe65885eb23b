/**
 * Presentation logic of the dashboard and the report: drill-down links carry the filters
 * each list understands, report URLs and inputs round-trip, the report's tables hold the
 * report's figures, sheet names are valid, and the print stylesheet is safe.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { heatMatrix, heatmapTable } from "@/components/stats/heatmap";
import { cssText, pageCounter } from "@/components/stats/report/print-css";
import { messages } from "@/lib/i18n/messages";
import { makeT } from "@/lib/i18n/translate";
import { listAccidentsSchema } from "@/lib/accidents/schemas";
import { listHazardsSchema } from "@/lib/hazards/schemas";
import { listViolationsSchema } from "@/lib/violations/schemas";
import { listTransactionsSchema } from "@/lib/window/schemas";
import type { Report } from "@/lib/stats/compute-report";
import { drill } from "@/lib/stats/drilldown";
import { reportInputOf, reportUrl, reportUrlOf } from "@/lib/stats/report-params";
import { REPORT_SECTIONS, reportPeriodLabel, reportTables } from "@/lib/stats/report-tables";
import { sheetName } from "@/lib/stats/tables";
import { compare } from "@/lib/stats/yoy";

const scope = { unitCode: "522625", period: { from: "2019-01-01", to: "2019-12-31" } };
const query = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("drill-down links", () => {
  it("use each list's own filter names, and the list's schema accepts them", () => {
    const v = drill.violations(scope, { type: "drunk_driving", serious: true });
    expect(v.startsWith("/violations?")).toBe(true);
    expect(listViolationsSchema.parse(query(v))).toMatchObject({
      from: "2019-01-01",
      to: "2019-12-31",
      unit: "522625",
      type: "drunk_driving",
      serious: true,
    });

    const a = drill.accidents(scope, { severity: "fatal", major: true });
    expect(listAccidentsSchema.parse(query(a))).toMatchObject({ unit: "522625", severity: "fatal", major: true });

    const w = drill.transactions(scope, { category: "licence_review", channel: "hall" });
    expect(w.startsWith("/window/transactions?")).toBe(true);
    expect(listTransactionsSchema.parse(query(w))).toMatchObject({
      unitCode: "522625",
      category: "licence_review",
      channel: "hall",
      result: "done",
    });

    expect(listHazardsSchema.parse(query(drill.hazards(scope, { status: "closed" })))).toMatchObject({
      unit: "522625",
      status: "closed",
    });
  });

  it("open a whole calendar month from the trend chart, leap years included", () => {
    expect(query(drill.month("accidents", "522625", 2024, 2))).toMatchObject({ from: "2024-02-01", to: "2024-02-29" });
    expect(query(drill.month("violations", "522625", 2019, 12))).toMatchObject({
      from: "2019-12-01",
      to: "2019-12-31",
    });
  });

  it("leave out empty filters", () => {
    expect(drill.dashboard({ unit: "522625-01", period: "ytd", year: undefined })).toBe(
      "/dashboard?unit=522625-01&period=ytd",
    );
  });
});

describe("report URLs", () => {
  it("read a year or a period from the page URL", () => {
    expect(reportInputOf({ unitCode: "522625", year: "2019" })).toEqual({ unitCode: "522625", year: 2019 });
    expect(reportInputOf({ unitCode: "522625", year: "2019", from: "2019-01-01", to: "2019-06-30" })).toEqual({
      unitCode: "522625",
      from: "2019-01-01",
      to: "2019-06-30",
    });
    expect(reportInputOf({ unitCode: "522625", year: "19x" })).toBeNull();
    expect(reportInputOf({ unitCode: "522625", year: "2019", from: "2019-07-01", to: "2019-06-30" })).toBeNull();
    expect(reportInputOf({ unitCode: "522625", year: "2019", from: "2019-02-30", to: "2019-03-01" })).toBeNull();
  });

  it("turn the picker's form into the report's own URL, and back", () => {
    expect(reportUrlOf({ unit: "522625", mode: "year", year: "2019" })).toBe("/reports/522625/2019");
    expect(reportUrlOf({ unit: "522625", mode: "period", from: "2019-01-01", to: "2019-06-30" })).toBe(
      "/reports/522625/2019?from=2019-01-01&to=2019-06-30",
    );
    expect(reportUrlOf({ unit: "522625", mode: "period", from: "2019-01-01" })).toBeNull();
    expect(reportUrlOf({ mode: "year", year: "2019" })).toBeNull();
    expect(reportUrlOf({ unit: "../admin", year: "2019" })).toBeNull();
    expect(reportUrl({ unitCode: "520626", year: 2024 }, "/x")).toBe("/reports/520626/2024/x");
  });
});

function zhenyuan2019(): Report {
  const f = JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, "../fixtures/report-zhenyuan-2019.json"), "utf8"),
  );
  const c = (x: { value: number; prev: number }) => compare(x.value, x.prev);
  const zero = compare(0, 0);
  return {
    unit: { code: "522625", zh: f.unit.zh, en: f.unit.en, kind: "BRIGADE", parent: f.unit.parent, parentEn: null },
    year: 2019,
    period: scope.period,
    previousPeriod: { from: "2018-01-01", to: "2018-12-31" },
    profile: null,
    accidents: {
      total: c(f.accidents.total),
      fatalAccidents: c(f.accidents.fatalAccidents),
      deaths: c(f.accidents.deaths),
      injuryAccidents: c(f.accidents.injuryAccidents),
      injured: c(f.accidents.injured),
      majorAccidents: zero,
      propertyLossYuan: zero,
      hitAndRun: zero,
      hitAndRunSolved: zero,
      quickHandled: zero,
      remoteHandled: zero,
      rescueFund: { cases: 0, yuan: 0 },
      deathsPer10kVehicles: { value: null, prev: null },
      byHour: { "8": 93, "17": 109 },
    },
    violations: {
      total: f.violations.total,
      totalCompared: compare(f.violations.total, 55_204),
      serious: zero,
      byType: f.violations.byType,
      bySource: { camera: 1 },
      administrativeDetentions: 103,
      licencesSeized: 113,
      finesYuan: 0,
      points: 0,
    },
    operations: f.operations,
    organisation: { squads: 5, urbanSquads: 1, ruralAreaSquads: 4 },
    window: {
      total: 0,
      transactions: 30_737,
      totalCompared: compare(30_737, 29_353),
      byBusiness: f.window.byBusiness,
      byChannel: { hall: 30_000, online: 737 },
      returned: 0,
      refused: 0,
      afterHours: 0,
      feesYuan: 0,
      outreachTrips: 0,
      difficultCases: 0,
      difficultCasesSolved: 0,
      policeInsuranceServicePoints: 0,
      complaints: 0,
      ratings: { satisfied: 0, basic: 0, dissatisfied: 0, satisfactionPct: null },
      averageWaitMinutes: null,
      averageServiceMinutes: null,
    },
    hazards: { found: 86, closed: 81, closureRatePct: 94.19, openNow: 23 },
    keyVehicles: {
      sourceHazardsRemedied: 0,
      unqualifiedCoachDriversDismissed: 0,
      offencesProsecuted: 0,
      enterprisesInterviewed: 0,
      overdueVehiclesInspected: 0,
      noticeLetters: 0,
      findingsRaised: 0,
    },
    incidents: {
      incidents: { value: 120, lastYear: 100, yoyPct: 20 },
      dispatchMedian: { value: 2.5, lastYear: 3, yoyPct: -16.67 },
      dispatchP90: { value: 6, lastYear: null, yoyPct: null },
      arriveMedian: { value: 14.2, lastYear: null, yoyPct: null },
      arriveP90: { value: 31, lastYear: null, yoyPct: null },
      closedWithFeedbackPct: { value: 85.5, lastYear: null, yoyPct: null },
      counts: { dispatched: 110, arrived: 100, closed: 117, reached: 100 },
      byKind: [{ key: "congestion", n: 30 }],
      bySource: [{ key: "call_122", n: 90 }],
      byBrigade: [],
    },
  } as unknown as Report;
}

describe("report tables", () => {
  const r = zhenyuan2019();
  const typeNames = new Map([["drunk_driving", { nameZh: "醉酒驾驶", nameEn: "Drunk driving" }]]);

  it("hold the report's figures, with 同比 and drill-down links, in every section", () => {
    const t = makeT(messages.zh);
    const tables = reportTables(r, {
      t,
      locale: "zh",
      typeNames,
      links: { scope, violations: true, accidents: true, window: true, hazards: true },
    });
    expect(Object.keys(tables)).toEqual([...REPORT_SECTIONS]);
    const acc = tables.accidents[0].rows.find((x) => x.key === "total")!;
    expect(acc.cells).toMatchObject({ item: "事故总数", value: 1503, prev: 1457, yoy: 3.16 });
    expect(acc.href).toContain("/accidents?");
    const byType = tables.violations[0];
    expect(byType.rows.find((x) => x.cells.type === "醉酒驾驶")?.cells.count).toBe(90);
    expect(byType.rows.at(-1)).toMatchObject({ strong: true, cells: { count: 58_957 } });
    const business = tables.window[0].rows.find((x) => x.cells.business === "汽车注册登记");
    expect(business?.cells.count).toBe(2299);
    expect(business?.href).toContain("category=new_registration_car");
    expect(tables.hazards[0].rows.find((x) => x.key === "closureRatePct")?.cells.value).toBe(94.19);
    const [response, byKind] = tables.incidents;
    expect(response.rows.find((x) => x.key === "dispatchMedian")?.cells).toMatchObject({
      value: 2.5,
      prev: 3,
      yoy: -16.67,
    });
    expect(byKind.rows[0].cells).toMatchObject({ item: "交通拥堵", count: 30, share: 25 });
  });

  it("have no links for the export, and English labels in English", () => {
    const t = makeT(messages.en);
    const tables = reportTables(r, { t, locale: "en", typeNames });
    const all = REPORT_SECTIONS.flatMap((s) => tables[s]);
    expect(all.every((x) => x.rows.every((row) => !row.href))).toBe(true);
    expect(tables.accidents[0].rows[0].cells.item).toBe("Accidents");
    expect(reportPeriodLabel(r, t)).toBe("2019");
    expect(
      reportPeriodLabel({ year: null, period: { from: "2019-01-01", to: "2019-06-30" } }, makeT(messages.zh)),
    ).toBe("2019-01-01 至 2019-06-30");
    // Every table's title is a sheet name Excel accepts, unique in the book.
    const taken = new Set<string>();
    const names = all.map((x) => sheetName(x.title, taken));
    expect(new Set(names).size).toBe(all.length);
    for (const n of names) expect(n).toMatch(/^[^:\\/?*[\]]{1,31}$/);
  });
});

describe("sheet names", () => {
  it("are cut to 31 characters, cleaned and made unique", () => {
    const taken = new Set<string>();
    expect(sheetName("Window: business/by category [2019]", taken)).toBe("Window  business by category  2");
    expect(sheetName("A", taken)).toBe("A");
    expect(sheetName("a", taken)).toBe("a 2");
  });
});

describe("print stylesheet", () => {
  it("puts page counters into the translated footer and strips what could end the CSS string", () => {
    expect(pageCounter("第 {page} 页，共 {pages} 页")).toBe('"第 " counter(page) " 页，共 " counter(pages) " 页"');
    expect(pageCounter("Page {page} of {pages}")).toBe('"Page " counter(page) " of " counter(pages)');
    expect(cssText('x"}</style><script>')).not.toMatch(/["<>]/);
  });
});

describe("heat map", () => {
  it("orders weekdays Monday first and totals each day", () => {
    const cells = [
      { weekday: 0, hour: 23, n: 4 },
      { weekday: 1, hour: 8, n: 2 },
      { weekday: 1, hour: 8, n: 1 },
    ];
    const m = heatMatrix(cells);
    expect(m[0][8]).toBe(3); // Monday
    expect(m[6][23]).toBe(4); // Sunday last
    const table = heatmapTable(cells, makeT(messages.en));
    expect(table.rows[0].cells).toMatchObject({ weekday: "Mon", h8: 3, total: 3 });
    expect(table.columns).toHaveLength(26);
  });
});
