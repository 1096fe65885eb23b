/**
 * Issue 13, export watermark: every CSV/XLSX export says who exported it, when and from
 * which unit (a last `#` line, the workbook's properties, a last row and the printed
 * footer of each sheet), and every export is an audit row with its filter. A CSV export
 * still imports again (the importer skips `#` lines).
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportAccidents } from "@/lib/accidents/export-accidents";
import { listAccidentsSchema } from "@/lib/accidents/schemas";
import { parseRows } from "@/lib/import/parse-rows";
import { exportReport } from "@/lib/stats/export-report";
import { exportViolations } from "@/lib/violations/export-violations";
import { createViolation } from "@/lib/violations/create-violation";
import { createViolationSchema, listViolationsSchema } from "@/lib/violations/schemas";
import { actorFor } from "../setup/actors";
import { ensureCatalogue, ZHENYUAN } from "../setup/records";

const MARK =
  /^导出：吴振国 \(zy-commander\) · \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}(:\d{2})? · 镇远县公安局交通警察大队 \(522625\)$/;

beforeAll(async () => {
  await ensureCatalogue();
  const officer = await actorFor("zy-officer");
  await createViolation({
    actor: officer,
    input: createViolationSchema.parse({
      occurredAt: "2026-03-01T09:30:00+08:00",
      ...ZHENYUAN,
      plate: "贵H24680",
      plateColor: "blue",
      vehicleType: "small_car",
      type: "illegal_parking",
    }),
  });
});

const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe("export watermark and audit", () => {
  it("a violation CSV ends with who, when and which unit; it imports again; the export is audited with its filter", async () => {
    const commander = await actorFor("zy-commander");
    const input = listViolationsSchema.parse({ plate: "贵H24680" });
    const csv = (
      await bytes(await exportViolations({ actor: commander, input, format: "csv", locale: "zh" }))
    ).toString("utf8");
    const lines = csv.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2].slice(2)).toMatch(MARK);
    expect(lines[2].startsWith("# ")).toBe(true);
    const rows = [];
    for await (const r of parseRows(Readable.from([csv]), "csv")) rows.push(r);
    expect(rows).toHaveLength(1);
    expect(rows[0].error).toBeUndefined();
    expect(rows[0].record).toMatchObject({ plate: "贵H24680" });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "violation.export" },
      orderBy: { id: "desc" },
    });
    expect(audit.actorUserId).toBe(commander.userId);
    expect(audit.after).toMatchObject({ format: "csv", filter: { plate: "贵H24680" } });
  });

  it("an XLSX export carries it as properties, a last row and the printed footer (accidents, in English)", async () => {
    const commander = await actorFor("zy-commander");
    const res = await exportAccidents({
      actor: commander,
      input: listAccidentsSchema.parse({}),
      format: "xlsx",
      locale: "en",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(wb.creator).toBe("吴振国 (zy-commander)");
    expect(wb.description).toMatch(/^Exported by 吴振国 \(zy-commander\) · .+ · Zhenyuan .+ \(522625\)$/);
    const ws = wb.worksheets[0];
    expect(String(ws.getRow(ws.rowCount).getCell(1).value)).toBe(wb.description);
    expect(ws.headerFooter.oddFooter).toContain("Exported by 吴振国 (zy-commander)");
    expect(await db.auditLog.count({ where: { action: "accident.export", actorUserId: commander.userId } })).toBe(1);
  });

  it("the statistics report's XLSX: every sheet, and the export is audited", async () => {
    const commander = await actorFor("zy-commander");
    const res = await exportReport({ actor: commander, input: { unitCode: "522625", year: 2019 }, locale: "zh" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(wb.creator).toBe("吴振国 (zy-commander)");
    expect(wb.worksheets.length).toBeGreaterThan(5);
    for (const ws of wb.worksheets) expect(String(ws.getRow(ws.rowCount).getCell(1).value)).toMatch(MARK);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "report.export" } });
    expect(audit.after).toMatchObject({ format: "xlsx", filter: { unitCode: "522625", year: 2019 } });
  });
});
