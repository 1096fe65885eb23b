import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { log } from "@/lib/log";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { auditExport, watermarkText, type ExportMark } from "@/lib/audit/export-audit";
import type { Locale } from "@/lib/i18n/config";
import { tFor } from "@/lib/i18n/server-free";
import { localDate } from "@/lib/time";
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

/** Who exported it, when, from which unit, on the workbook itself (File → Info) and on printed pages. */
export function markWorkbook(
  wb: { creator: string; lastModifiedBy: string; created: Date; modified: Date; company: string; description: string },
  mark: ExportMark,
  watermark: string,
) {
  wb.creator = mark.by;
  wb.lastModifiedBy = mark.by;
  wb.created = mark.at;
  wb.modified = mark.at;
  wb.company = `${mark.unitZh} (${mark.unitCode})`;
  wb.description = watermark;
}

/** The same on each printed page of a sheet (left footer; page numbers right). */
export const sheetFooter = (watermark: string) => ({
  oddFooter: `&L${watermark.replace(/&/g, "&&")}&RPage &P / &N`,
});

/**
 * Streams a list of any size as CSV (UTF-8 with BOM, so Excel reads Chinese) or XLSX
 * (exceljs' streaming writer): pages are fetched one after the other while the client
 * downloads, so memory stays flat. Cells that a spreadsheet would run as a formula are
 * quoted with a leading apostrophe (CSV injection). Both end with the export's watermark
 * (who, when, which unit): a last `# …` line in CSV (our importers skip `#` lines), a last
 * row, the workbook's properties and the printed footer in XLSX.
 */
export function exportResponse<T>(opts: {
  format: ExportFormat;
  filename: string;
  sheet: string;
  columns: ExportColumn<T>[];
  pages: AsyncIterable<T[]>;
  mark: ExportMark;
  watermark: string;
}): Response {
  const { format, columns } = opts;
  let body: Readable;
  if (format === "csv") {
    body = Readable.from(
      (async function* () {
        yield Buffer.from("\uFEFF" + columns.map((c) => csvCell(c.header)).join(",") + "\n");
        for await (const page of opts.pages) {
          if (!page.length) continue;
          yield Buffer.from(page.map((row) => columns.map((c) => csvCell(c.value(row))).join(",")).join("\n") + "\n");
        }
        yield Buffer.from(`# ${opts.watermark.replace(/[\r\n]+/g, " ")}\n`);
      })(),
    );
  } else {
    const out = new PassThrough();
    body = out;
    void (async () => {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      markWorkbook(wb, opts.mark, opts.watermark);
      const ws = wb.addWorksheet(opts.sheet, {
        views: [{ state: "frozen", ySplit: 1 }],
        headerFooter: sheetFooter(opts.watermark),
      });
      ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const page of opts.pages) {
        for (const row of page)
          ws.addRow(Object.fromEntries(columns.map((c) => [c.key, c.value(row) ?? null]))).commit();
      }
      ws.addRow([]).commit();
      const footer = ws.addRow([opts.watermark]);
      footer.font = { italic: true, color: { argb: "FF475569" } };
      footer.commit();
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

type Listed<R> = R & { unitCode: string; unitName: string };

/** The `findMany` arguments of one export page: the filter, newest first, `take` rows after `after`. */
export interface RecordPageArgs<W> {
  where: W | { AND: [W, AfterRow] };
  orderBy: [{ occurredAt: "desc" }, { id: "desc" }];
  take: number;
}

function recordPageArgs<W>(where: W, after: AfterRow | null, take: number): RecordPageArgs<W> {
  return {
    where: after ? { AND: [where, after] } : where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take,
  };
}

/**
 * The current filter of a record list (violations, accidents) as CSV or XLSX, streamed page
 * by page (any size). Needs `records.export` and the kind's `view`; every export is an audit
 * row with its filter (`action`, e.g. "violation.export"). CSV headers are the API's field
 * names (`machine`: key and value), so an export can be imported again; XLSX is for people
 * (`human`: labels and values in `locale`). `columns` runs after the audit row is written.
 */
export async function exportRecordList<W, R extends { id: string; occurredAt: Date; unitId: string }>(opts: {
  actor: Actor;
  view: Permission;
  action: string;
  entity: string;
  input: { cursor?: unknown };
  format: ExportFormat;
  locale: Locale;
  /** The list's filter inside the actor's scope. */
  where: () => Promise<W>;
  /** One page of rows: the kind's `findMany` with these arguments (and its own select). */
  fetch: (page: RecordPageArgs<W>) => Promise<R[]>;
  columns: (t: ReturnType<typeof tFor>) => Promise<{
    machine: [string, ExportColumn<Listed<R>>["value"]][];
    human: ExportColumn<Listed<R>>[];
  }>;
  /** File name before the date (e.g. "violations") and the sheet's i18n key. */
  filename: string;
  sheet: string;
}): Promise<Response> {
  const { actor, format, locale } = opts;
  assertCan(actor, "records.export");
  assertCan(actor, opts.view);
  const where = await opts.where();
  const mark = await auditExport({
    actor,
    input: { action: opts.action, entity: opts.entity, format, filter: { ...opts.input, cursor: undefined } },
  });
  const t = tFor(locale);
  const { machine, human } = await opts.columns(t);
  return exportResponse({
    format,
    filename: `${opts.filename}-${localDate(new Date())}`,
    sheet: t(opts.sheet),
    columns: format === "csv" ? machine.map(([key, value]) => ({ key, header: key, value })) : human,
    pages: recordPages((after, take) => opts.fetch(recordPageArgs(where, after, take)), locale),
    mark,
    watermark: watermarkText(mark, locale),
  });
}
