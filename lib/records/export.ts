import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { log } from "@/lib/log";
import type { Locale } from "@/lib/i18n/config";
import { unitsById } from "./units";

export interface ExportColumn<T> {
  key: string;
  header: string;
  width?: number;
  value: (row: T) => string | number | boolean | Date | null | undefined;
}

export type ExportFormat = "csv" | "xlsx";

/** The keyset condition "after this row" of a newest-first (occurredAt, id) list. */
export type AfterRow = { OR: [{ occurredAt: { lt: Date } }, { occurredAt: Date; id: { lt: string } }] };

/**
 * A record list newest first, page by page (keyset on occurredAt, id), each row with its
 * unit's code and name in `locale`. `fetch` reads one page of `size` rows after `after`.
 */
export async function* recordPages<R extends { id: string; occurredAt: Date; unitId: string }>(
  fetch: (after: AfterRow | null, size: number) => Promise<R[]>,
  locale: Locale,
  size = 2000,
): AsyncGenerator<(R & { unitCode: string; unitName: string })[]> {
  let after: AfterRow | null = null;
  for (;;) {
    const rows = await fetch(after, size);
    if (!rows.length) return;
    const units = await unitsById(rows.map((r) => r.unitId));
    yield rows.map((r) => {
      const u = units.get(r.unitId);
      return { ...r, unitCode: u?.code ?? "", unitName: (locale === "zh" ? u?.nameZh : u?.nameEn) ?? "" };
    });
    if (rows.length < size) return;
    const last = rows[rows.length - 1];
    after = { OR: [{ occurredAt: { lt: last.occurredAt } }, { occurredAt: last.occurredAt, id: { lt: last.id } }] };
  }
}

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return "";
  const s = v instanceof Date ? v.toISOString() : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${(/^[=+\-@]/.test(s) ? "'" : "") + s.replace(/"/g, '""')}"` : s;
};

/**
 * Streams a list of any size as CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX
 * (exceljs' streaming writer): pages are fetched one after the other while the client
 * downloads, so memory stays flat. Cells that a spreadsheet would run as a formula are
 * quoted with a leading apostrophe (CSV injection).
 */
export function exportResponse<T>(opts: {
  format: ExportFormat;
  filename: string;
  sheet: string;
  columns: ExportColumn<T>[];
  pages: AsyncIterable<T[]>;
}): Response {
  const { format, columns } = opts;
  let body: Readable;
  if (format === "csv") {
    body = Readable.from(
      (async function* () {
        yield "\uFEFF" + columns.map((c) => csvCell(c.header)).join(",") + "\n";
        for await (const page of opts.pages) {
          yield (
            page.map((row) => columns.map((c) => csvCell(c.value(row))).join(",")).join("\n") +
            (page.length ? "\n" : "")
          );
        }
      })(),
    );
  } else {
    const out = new PassThrough();
    body = out;
    void (async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const ws = wb.addWorksheet(opts.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
      ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const page of opts.pages) {
        for (const row of page)
          ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row) ?? null]))).commit();
      }
      ws.commit();
      await wb.commit();
    })().catch((err) => {
      log.error({ err }, "xlsx export failed");
      out.destroy(err);
    });
  }
  const type =
    format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const name = `${opts.filename}.${format}`;
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "cache-control": "no-store",
    },
  });
}
