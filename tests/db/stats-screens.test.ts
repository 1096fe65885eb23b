/**
 * What the dashboard and report screens read beyond the engine: black spots of a period,
 * risky road segments, the years offered by the pickers, and the XLSX export (route,
 * permission, unit scope, sheets and figures).
 */
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as xlsxRoute } from "@/app/api/v1/reports/[unitCode]/xlsx/route";
import { createAccident } from "@/lib/accidents/create-accident";
import { createAccidentSchema } from "@/lib/accidents/schemas";
import { db } from "@/lib/db";
import { getHotspots } from "@/lib/stats/hotspots";
import { yearsWithData } from "@/lib/stats/years";
import { actorFor } from "../setup/actors";
import { codeOf, ensureCatalogue, makeToken, ZHENYUAN } from "../setup/records";
import { REPORT_SHEETS_ZH } from "../setup/report-sheets";

const period = { from: "2019-03-01", to: "2019-03-31" };

beforeAll(async () => {
  await ensureCatalogue();
  const officer = await actorFor("zy-commander");
  const near = { lat: ZHENYUAN.lat + 0.0005, lng: ZHENYUAN.lng + 0.0005 };
  const far = { lat: ZHENYUAN.lat + 0.05, lng: ZHENYUAN.lng - 0.05 };
  const add = (day: number, at: { lat: number; lng: number }, extra: Record<string, unknown>, ref: string) =>
    createAccident({
      actor: officer,
      input: createAccidentSchema.parse({
        occurredAt: `2019-03-${String(day).padStart(2, "0")}T09:00`,
        ...at,
        externalRef: ref,
        ...extra,
      }),
    });
  await add(2, ZHENYUAN, { roadName: "舞阳大道", injured: 1 }, "S-1");
  await add(5, near, { roadName: "舞阳大道", deaths: 1 }, "S-2");
  await add(9, ZHENYUAN, { roadName: "舞阳大道" }, "S-3");
  await add(12, far, { roadName: "青溪公路" }, "S-4"); // alone in its cell: not a cluster
  await add(15, ZHENYUAN, { roadName: "舞阳大道" }, "S-5");
  await add(3, ZHENYUAN, { roadName: "舞阳大道" }, "S-0"); // 2019-04-03 is outside the period below
  await db.accident.updateMany({
    where: { externalRef: "S-0" },
    data: { occurredAt: new Date("2019-04-03T01:00:00Z") },
  });
}, 120_000);

describe("black spots of a period", () => {
  it("cluster the period's accidents on H3 cells, most first, with deaths and the road", async () => {
    const { blackSpots } = await getHotspots({ actor: await actorFor("zy-commander"), unitCode: "522625", period });
    expect(blackSpots).toHaveLength(1);
    expect(blackSpots[0]).toMatchObject({ accidents: 4, fatal: 1, deaths: 1, injured: 1, roads: ["舞阳大道"] });
  });

  it("are the brigade's for a province user, and nothing for a squad without accidents", async () => {
    const admin = await getHotspots({ actor: await actorFor("admin"), unitCode: "522625", period });
    expect(admin.blackSpots[0].accidents).toBe(4);
    const squad = await db.unit.findFirstOrThrow({
      where: { code: { startsWith: "522625-" } },
      orderBy: { code: "desc" },
    });
    const none = await getHotspots({
      actor: await actorFor("zy-commander"),
      unitCode: squad.code,
      period: { from: "2000-01-01", to: "2000-01-02" },
    });
    expect(none.blackSpots).toEqual([]);
  });

  it("are refused outside scope (404) and to roles without the dashboard (403)", async () => {
    expect(await codeOf(getHotspots({ actor: await actorFor("yj-commander"), unitCode: "522625", period }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(getHotspots({ actor: await actorFor("zy-clerk"), unitCode: "522625", period }))).toBe(
      "FORBIDDEN",
    );
  });

  it("leave out road segments for roles that may not see grids", async () => {
    const legal = await actorFor("zy-legal");
    legal.permissions = new Set([...legal.permissions, "dashboard.view"]) as typeof legal.permissions;
    expect((await getHotspots({ actor: legal, unitCode: "522625", period })).segments).toBeNull();
    expect(
      Array.isArray(
        (await getHotspots({ actor: await actorFor("zy-commander"), unitCode: "522625", period })).segments,
      ),
    ).toBe(true);
  });
});

describe("years offered by the pickers", () => {
  it("are the years with figures, newest first, and always this year", async () => {
    const zy = await db.unit.findUniqueOrThrow({ where: { code: "522625" } });
    const years = await yearsWithData(zy.id);
    expect(years).toContain(2019);
    expect(years[0]).toBe(Number(new Date().toISOString().slice(0, 4)));
    expect([...years].sort((a, b) => b - a)).toEqual(years);
  });
});

async function download(path: string, token: string) {
  const res = await xlsxRoute(
    new NextRequest(`http://localhost${path}`, { headers: { authorization: `Bearer ${token}` } }),
    {
      params: Promise.resolve({ unitCode: path.split("/")[4] }),
    },
  );
  return res;
}

describe("XLSX export of the report", () => {
  it("streams one sheet per table, in the asked language, with the figures", async () => {
    const token = await makeToken("522625", ["report.view"]);
    const res = await download("/api/v1/reports/522625/xlsx?from=2019-03-01&to=2019-03-31&lang=zh", token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent("统计报表"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(REPORT_SHEETS_ZH);
    const acc = wb.getWorksheet("事故情况及同比")!;
    expect(String(acc.getCell("A1").value)).toContain("2019-03-01 至 2019-03-31");
    expect(acc.getRow(2).values).toEqual([undefined, "项目", "本期", "去年同期", "同比"]);
    // four in the cluster, one apart; March 2018 has no records: "无上年数据", never 0
    expect(acc.getRow(3).values).toEqual([undefined, "事故总数", 5]);
    expect(String(acc.getCell("A1").value)).toContain("无上年数据");

    const en = await download("/api/v1/reports/522625/xlsx?year=2019&lang=en", token);
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(await en.arrayBuffer());
    expect(wbEn.worksheets[1].name).toBe("Accidents and YoY change");
    expect(wbEn.worksheets[1].getRow(3).values).toEqual([undefined, "Accidents", 6]); // and the one in April
    expect(String(wbEn.worksheets[1].getCell("A1").value)).toContain("no data for last year");
  });

  it("is refused outside the token's unit (404), without report.view (403), and for a bad period (422)", async () => {
    const yj = await makeToken("520626", ["report.view"]);
    expect((await download("/api/v1/reports/522625/xlsx?year=2019", yj)).status).toBe(404);
    const noPerm = await makeToken("522625", ["violation.view"]);
    expect((await download("/api/v1/reports/522625/xlsx?year=2019", noPerm)).status).toBe(403);
    const ok = await makeToken("522625", ["report.view"]);
    expect((await download("/api/v1/reports/522625/xlsx?from=2019-05-01&to=2019-04-01", ok)).status).toBe(422);
  });
});
