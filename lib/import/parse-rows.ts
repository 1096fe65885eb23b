/**
 * Streams rows out of a CSV (header row = field names) or NDJSON body, one at a time,
 * with their line numbers, so any file size runs in constant memory.
 */
import { Readable } from "node:stream";
import { nulPath } from "@/lib/input-guard";
import { importLimits, lineTooLong, tooManyRows, type ImportLimits } from "./limits";

export type ImportFormat = "csv" | "ndjson";

export interface RawRow {
  line: number;
  record: Record<string, unknown> | null;
  /** Set when the line could not be read at all (bad JSON, wrong column count, a field too long). */
  error?: string;
  /** The field the error is about, if one. */
  field?: string;
}

export function formatFromContentType(contentType: string | null): ImportFormat | null {
  const ct = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (ct === "text/csv" || ct === "application/csv") return "csv";
  if (ct === "application/x-ndjson" || ct === "application/ndjson" || ct === "application/jsonl") return "ndjson";
  return null;
}

export function toNodeReadable(body: ReadableStream<Uint8Array> | Readable): Readable {
  return body instanceof Readable
    ? body
    : Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>);
}

/**
 * Rows of a CSV or NDJSON body, within limits (lib/import/limits.ts): a line or quoted
 * record longer than maxLineChars, or more than maxRows rows, stops with 413; a field longer
 * than maxFieldChars makes its row an error.
 */
export async function* parseRows(
  body: Readable,
  format: ImportFormat,
  limits: ImportLimits = importLimits(),
): AsyncGenerator<RawRow> {
  let rows = 0;
  for await (const row of format === "csv" ? parseCsv(body, limits) : parseNdjson(body, limits)) {
    if (++rows > limits.maxRows) throw tooManyRows(limits.maxRows);
    yield row.record ? checkFields(row, limits.maxFieldChars) : row;
  }
}

function checkFields(row: RawRow, max: number): RawRow {
  // A flat record of strings (every CSV row): one pass, the same answers as the general
  // check below (the first NUL in field order wins over any over-long field).
  const rec = row.record!;
  let long: string | null = null;
  for (const k in rec) {
    const v = rec[k];
    if (v !== null && typeof v === "object") return checkNested(row, max);
    if (k.includes("\u0000")) return { line: row.line, record: null, field: "key", error: "validation.nul" };
    if (typeof v !== "string") continue;
    if (v.includes("\u0000")) return { line: row.line, record: null, field: k, error: "validation.nul" };
    if (long === null && v.length > max) long = k;
  }
  return long === null ? row : { line: row.line, record: null, field: long, error: "validation.tooLong" };
}

function checkNested(row: RawRow, max: number): RawRow {
  const nul = nulPath(row.record);
  if (nul !== null) return { line: row.line, record: null, field: nul, error: "validation.nul" };
  for (const [field, v] of Object.entries(row.record!)) {
    if (typeof v === "string" ? v.length > max : v !== null && typeof v === "object" && JSON.stringify(v).length > max)
      return { line: row.line, record: null, field, error: "validation.tooLong" };
  }
  return row;
}

/**
 * RFC 4180 CSV, streaming: header row = field names (trimmed, BOM dropped), "" quoting
 * with "" escapes and line breaks inside quotes, CRLF or LF, empty lines and lines starting
 * with # (comments, e.g. an export's watermark) skipped, values
 * trimmed and "" read as "not given". A row with a different number of fields than the
 * header is reported, not guessed at. Hand-written because csv-parse read ~45,000 rows/s
 * here, the slowest step of an import; this reads several hundred thousand.
 */
async function* parseCsv(body: Readable, limits: ImportLimits): AsyncGenerator<RawRow> {
  const decoder = new TextDecoder();
  let header: string[] | null = null;
  let buf = "";
  let lineNo = 0;
  // A quoted field may span lines: the record so far, the line it started on, quote parity.
  let acc: string | null = null;
  let accStart = 0;
  let open = false;

  const toRow = (text: string, line: number): RawRow | null => {
    if (!text.trim()) return null;
    const quoted = text.includes('"');
    // Unquoted fields are trimmed (below, as they are read); splitQuoted trims its own.
    const fields = quoted ? splitQuoted(text) : text.split(",");
    if (!header) {
      header = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, "") : f).trim());
      return null;
    }
    if (fields.length !== header.length) return { line, record: null, error: "wrong number of columns" };
    const record: Record<string, unknown> = {};
    for (let i = 0; i < header.length; i++) {
      const f = quoted ? fields[i] : fields[i].trim();
      record[header[i]] = f === "" ? undefined : f;
    }
    return { line, record };
  };

  const take = (line: string): RawRow | null => {
    lineNo++;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    let quotes = 0;
    for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) quotes++;
    if (acc !== null) {
      acc += "\n" + line;
      if (acc.length > limits.maxLineChars) throw lineTooLong(accStart, limits.maxLineChars);
      if (quotes % 2 === 1) open = !open;
      if (open) return null;
      const text = acc;
      acc = null;
      return toRow(text, accStart);
    }
    // A line starting with # is a comment (our exports end with one: who exported them).
    if (line.startsWith("#")) return null;
    if (quotes % 2 === 1) {
      acc = line;
      accStart = lineNo;
      open = true;
      return null;
    }
    return toRow(line, lineNo);
  };

  for await (const chunk of body) {
    buf += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl: number;
    while ((nl = buf.indexOf("\n", start)) >= 0) {
      const row = take(buf.slice(start, nl));
      start = nl + 1;
      if (row) yield row;
    }
    buf = buf.slice(start);
    if (buf.length > limits.maxLineChars) throw lineTooLong(lineNo + 1, limits.maxLineChars);
  }
  buf += decoder.decode();
  if (buf) {
    const row = take(buf);
    if (row) yield row;
  }
  if (acc !== null) yield { line: accStart, record: null, error: "unterminated quoted field" };
}

/** Fields of one record that contains quotes. */
function splitQuoted(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i <= n) {
    while (i < n && (text[i] === " " || text[i] === "\t")) i++;
    if (text[i] === '"') {
      let v = "";
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          v += text.slice(i);
          i = n;
          break;
        }
        v += text.slice(i, q);
        if (text[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      const comma = text.indexOf(",", i);
      out.push(v);
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = text.indexOf(",", i);
      if (comma < 0) {
        out.push(text.slice(i).trim());
        break;
      }
      out.push(text.slice(i, comma).trim());
      i = comma + 1;
    }
  }
  return out;
}

async function* parseNdjson(body: Readable, limits: ImportLimits): AsyncGenerator<RawRow> {
  let buf = "";
  let line = 0;
  const decoder = new TextDecoder();
  const emit = (text: string): RawRow | null => {
    line++;
    const s = text.trim();
    if (!s) return null;
    try {
      const v = JSON.parse(s);
      if (!v || typeof v !== "object" || Array.isArray(v)) return { line, record: null, error: "not a JSON object" };
      return { line, record: v };
    } catch {
      return { line, record: null, error: "invalid JSON" };
    }
  };
  for await (const chunk of body) {
    buf += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const row = emit(buf.slice(0, nl));
      buf = buf.slice(nl + 1);
      if (row) yield row;
    }
    if (buf.length > limits.maxLineChars) throw lineTooLong(line + 1, limits.maxLineChars);
  }
  buf += decoder.decode();
  if (buf.trim()) {
    const row = emit(buf);
    if (row) yield row;
  }
}
