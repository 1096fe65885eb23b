import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { columnList } from "./copy";

/**
 * COPY's binary format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4):
 * each value as its type's binary representation, so the server runs no text input function
 * per value (timestamptz_in, uuid_in, float8_in, …): COPYing a batch of violations this way
 * takes the server ~18 % less time than the same rows in CSV (docs/performance.md#bulk-import).
 * The import writes its rows so; the rest (demo data, children of a batch) stays CSV (copy.ts).
 *
 * A tuple is: int16 field count, then per field int32 byte length (-1 for NULL) and the bytes.
 */

/** Milliseconds from 1970-01-01 to 2000-01-01, PostgreSQL's epoch for binary times and dates. */
const PG_EPOCH_MS = 946_684_800_000;
const DAY_MS = 86_400_000;
const TWO_32 = 4_294_967_296;
const CHUNK = 1 << 20;
const HEADER = Buffer.from([
  ...Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"),
  ...[0, 0, 0, 0], // flags
  ...[0, 0, 0, 0], // header extension length
]);
const TRAILER = Buffer.from([0xff, 0xff]);

/** Appends one field of a tuple (the writer has room for it: see `room`). */
type Encoder = {
  /** Bytes the value may take at most (length prefix included). */
  room: (v: unknown) => number;
  write: (b: Buffer, at: number, v: unknown) => number;
};

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX["0123456789abcdef".charCodeAt(i)] = i;
  HEX["0123456789ABCDEF".charCodeAt(i)] = i;
}

function writeInt64(b: Buffer, at: number, n: number): void {
  const hi = Math.floor(n / TWO_32);
  b.writeInt32BE(hi, at);
  b.writeUInt32BE(n - hi * TWO_32, at + 4);
}

/**
 * A value its column's type cannot take (a bad uuid, an int beyond int4): the row is refused
 * with the message the database would have given it (lib/db-refusal.ts), nothing is sent.
 */
export class CopyValueError extends Error {
  constructor(
    readonly column: string,
    readonly key: string,
    detail: string,
  ) {
    super(`COPY binary: ${column} ${detail}`);
  }
}

const msOf = (v: unknown, column: string): number => {
  const ms = v instanceof Date ? v.getTime() : typeof v === "number" ? v : NaN;
  if (!Number.isFinite(ms)) throw new CopyValueError(column, "records.db.badDate", `needs a Date, got ${typeof v}`);
  return ms;
};

const fixed = (size: number, put: (b: Buffer, at: number, v: unknown) => void): Encoder => ({
  room: () => 4 + size,
  write: (b, at, v) => {
    b.writeInt32BE(size, at);
    put(b, at + 4, v);
    return at + 4 + size;
  },
});

const textOf = (v: unknown) => (typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v));

/** UTF-8 text, after a version byte when `version` is given (jsonb). */
const text = (version?: number): Encoder => ({
  // A UTF-16 code unit is at most 3 bytes of UTF-8.
  room: (v) => 5 + 3 * textOf(v).length,
  write: (b, at, v) => {
    let p = at + 4;
    if (version !== undefined) b[p++] = version;
    p += b.write(textOf(v), p, "utf8");
    b.writeInt32BE(p - at - 4, at);
    return p;
  },
});

/** The encoder of one column, by its type's name (pg_type.typname). */
function encoderOf(type: string, column: string): Encoder {
  switch (type) {
    case "text":
    case "varchar":
    case "bpchar":
    case "json":
      return text();
    case "jsonb":
      // Version 1, then the JSON text; a string value is taken as JSON text already (as in CSV).
      return text(1);
    case "uuid":
      return fixed(16, (b, at, v) => {
        const s = String(v);
        let j = 0;
        for (let i = 0; i < s.length && j < 32; i++) {
          const c = s.charCodeAt(i);
          if (c === 45) continue; // -
          const h = c < 128 ? HEX[c] : -1;
          if (h < 0) throw new CopyValueError(column, "records.db.badValue", "is not a uuid");
          if (j & 1) b[at + (j >> 1)] |= h;
          else b[at + (j >> 1)] = h << 4;
          j++;
        }
        if (j !== 32) throw new CopyValueError(column, "records.db.badValue", "is not a uuid");
      });
    case "timestamptz":
    case "timestamp":
      return fixed(8, (b, at, v) => writeInt64(b, at, (msOf(v, column) - PG_EPOCH_MS) * 1000));
    case "date":
      return fixed(4, (b, at, v) => {
        const ms = typeof v === "string" ? Date.parse(`${v}T00:00:00Z`) : msOf(v, column);
        b.writeInt32BE(Math.floor((ms - PG_EPOCH_MS) / DAY_MS), at);
      });
    case "bool":
      return fixed(1, (b, at, v) => void (b[at] = v ? 1 : 0));
    case "int2":
      return fixed(2, (b, at, v) => void b.writeInt16BE(Number(v), at));
    case "int4":
      return fixed(4, (b, at, v) => void b.writeInt32BE(Number(v), at));
    case "int8":
      return fixed(8, (b, at, v) =>
        typeof v === "bigint" ? void b.writeBigInt64BE(v, at) : writeInt64(b, at, Number(v)),
      );
    case "float4":
      return fixed(4, (b, at, v) => void b.writeFloatBE(Number(v), at));
    case "float8":
      return fixed(8, (b, at, v) => void b.writeDoubleBE(Number(v), at));
    default:
      throw new Error(`COPY binary: no encoder for column ${column} of type ${type}`);
  }
}

/** Column name → type name, for every column of `table`. */
export async function columnTypes(client: PoolClient, table: string): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, t.typname AS type FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [`"${table}"`],
  );
  return new Map(rows.map((r) => [r.name, r.type]));
}

/**
 * Rows written as binary COPY tuples into large shared chunks: `add` returns each row's
 * tuple as a view (no copy, no string per row), which `copyTuples` then sends.
 */
export class BinaryRows {
  private readonly encoders: Encoder[];
  private chunk = Buffer.allocUnsafe(CHUNK);
  private pos = 0;

  constructor(
    types: Map<string, string>,
    private readonly columns: readonly string[],
  ) {
    this.encoders = columns.map((c) => {
      const type = types.get(c);
      if (!type) throw new Error(`COPY binary: no column ${c}`);
      return encoderOf(type, c);
    });
  }

  /**
   * One row's values, in the order of the columns given: its tuple. A value its column
   * cannot take throws a CopyValueError and leaves nothing of the row behind.
   */
  add(values: readonly unknown[]): Buffer {
    const enc = this.encoders;
    let room = 2;
    for (let i = 0; i < enc.length; i++) {
      const v = values[i];
      room += v === null || v === undefined ? 4 : enc[i].room(v);
    }
    if (this.pos + room > this.chunk.length) {
      this.chunk = Buffer.allocUnsafe(Math.max(CHUNK, room));
      this.pos = 0;
    }
    const b = this.chunk;
    const start = this.pos;
    b.writeInt16BE(enc.length, start);
    let at = start + 2;
    let i = 0;
    try {
      for (; i < enc.length; i++) {
        const v = values[i];
        if (v === null || v === undefined) at = b.writeInt32BE(-1, at);
        else at = enc[i].write(b, at, v);
      }
    } catch (err) {
      if (err instanceof CopyValueError) throw err;
      // Buffer's own checks: an integer beyond its type, a float that is not a number.
      const range = err instanceof RangeError;
      throw new CopyValueError(this.columns[i], range ? "records.db.outOfRange" : "records.db.badValue", String(err));
    }
    // Only a whole tuple moves the position: a refused row is overwritten by the next.
    this.pos = at;
    return b.subarray(start, at);
  }
}

/** A tuple with an int4 field put first (e.g. the row's line in its file; null is NULL). */
export function withFirstInt(tuple: Buffer, n: number | null | undefined): Buffer {
  const head = n === null || n === undefined ? 4 : 8;
  const out = Buffer.allocUnsafe(tuple.length + head);
  out.writeInt16BE(tuple.readInt16BE(0) + 1, 0);
  if (head === 4) out.writeInt32BE(-1, 2);
  else {
    out.writeInt32BE(4, 2);
    out.writeInt32BE(n!, 6);
  }
  tuple.copy(out, 2 + head, 2);
  return out;
}

/** COPYs tuples (BinaryRows, in the order of `columns`) into `table`, in chunks of about 64 kB. */
export async function copyTuples(
  client: PoolClient,
  table: string,
  columns: string[],
  tuples: readonly Buffer[],
): Promise<void> {
  const sink = client.query(copyFrom(`COPY ${table} (${columnList(columns)}) FROM STDIN WITH (FORMAT binary)`));
  const source = Readable.from(
    (function* () {
      yield HEADER;
      let parts: Buffer[] = [];
      let size = 0;
      for (const t of tuples) {
        parts.push(t);
        size += t.length;
        if (size > 64_000) {
          yield Buffer.concat(parts, size);
          parts = [];
          size = 0;
        }
      }
      parts.push(TRAILER);
      yield Buffer.concat(parts, size + TRAILER.length);
    })(),
  );
  await pipeline(source, sink);
}
