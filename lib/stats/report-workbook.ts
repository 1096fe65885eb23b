import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { ExportMark } from "@/lib/audit/export-audit";
import { log } from "@/lib/log";
import { markWorkbook, sheetFooter } from "@/lib/records/export";
import { sheetName, type StatTable } from "./tables";

/** Number formats per column kind: counts with separators, 同比 signed with two decimals. */
const FORMATS: Record<string, string> = {
  number: "#,##0.##",
  decimal: "#,##0.##",
  pct: '+0.00"%";-0.00"%";0.00"%"',
  rate: '0.00"%"',
};

/**
 * The report's tables as an XLSX workbook, one sheet per table: a title line (unit,
 * period, table), the header, the rows; numbers stay numbers. Streamed with exceljs'
 * writer so the response starts at once.
 */
export function reportWorkbookResponse({
  tables,
  heading,
  filename,
  mark,
  watermark,
}: {
  tables: StatTable[];
  heading: string;
  filename: string;
  mark: ExportMark;
  watermark: string;
}): Response {
  const out = new PassThrough();
  void (async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
    markWorkbook(wb, mark, watermark);
    const taken = new Set<string>();
    for (const table of tables) {
      const ws = wb.addWorksheet(sheetName(table.title, taken), {
        views: [{ state: "frozen", ySplit: 2 }],
        headerFooter: sheetFooter(watermark),
      });
      ws.columns = table.columns.map((c, i) => ({
        key: c.key,
        width: i === 0 ? 36 : 16,
        style: c.kind && c.kind !== "text" ? { numFmt: FORMATS[c.kind] } : i > 0 ? { numFmt: FORMATS.number } : {},
      }));
      const title = ws.addRow([`${heading} · ${table.title}`]);
      title.font = { bold: true, size: 12 };
      title.commit();
      const header = ws.addRow(table.columns.map((c) => c.label));
      header.font = { bold: true };
      header.commit();
      for (const r of table.rows) {
        const row = ws.addRow(table.columns.map((c) => r.cells[c.key] ?? null));
        if (r.strong) row.font = { bold: true };
        row.commit();
      }
      ws.addRow([]).commit();
      const footer = ws.addRow([watermark]);
      footer.font = { italic: true, color: { argb: "FF475569" } };
      footer.commit();
      ws.commit();
    }
    await wb.commit();
  })().catch((err) => {
    log.error({ err }, "report xlsx export failed");
    out.destroy(err);
  });
  const name = `${filename}.xlsx`;
  return new Response(Readable.toWeb(out) as ReadableStream, {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    },
  });
}
