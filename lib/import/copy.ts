import "server-only";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";

/** One value in COPY's CSV format. Arrays become PostgreSQL array literals, objects JSON. */
function copyCsvValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  // The common case first, without a regex pass when there is no quote to double.
  if (typeof v === "string") return v.includes('"') ? `"${v.replace(/"/g, '""')}"` : `"${v}"`;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  let s: string;
  if (Array.isArray(v))
    s = "{" + v.map((x) => `"${String(x).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",") + "}";
  else if (typeof v === "object") s = JSON.stringify(v);
  else s = String(v);
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * One row as a line of COPY's CSV format, without its line break (values as copyCsvValue
 * writes them). Joined from an array, so the line is one flat string: a line built with `+=`
 * would be a tree of small strings, costly to hold while a batch waits to be written.
 */
export function copyCsvLine(values: readonly unknown[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = copyCsvValue(values[i]);
  return parts.join(",");
}

/** Column names as a quoted SQL list: "a", "b". */
export const columnList = (columns: string[]) => columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(", ");

/**
 * COPYs rows, each already written as a COPY line (copyCsvLine, no line break), into a table
 * (usually a temp staging table) over one connection, in chunks of about 64 kB.
 */
export async function copyLines(
  client: PoolClient,
  table: string,
  columns: string[],
  lines: Iterable<string>,
): Promise<void> {
  const sink = client.query(copyFrom(`COPY ${table} (${columnList(columns)}) FROM STDIN WITH (FORMAT csv)`));
  const source = Readable.from(
    (function* () {
      let chunk = "";
      for (const line of lines) {
        chunk += line + "\n";
        if (chunk.length > 64_000) {
          yield chunk;
          chunk = "";
        }
      }
      if (chunk) yield chunk;
    })(),
  );
  await pipeline(source, sink);
}
