/**
 * Database refusals without their text. PostgreSQL's messages and details quote the values
 * they refused ("Key (id_number)=(5226…) already exists", "invalid input syntax for type
 * uuid: \"…\""), and those values can be personal data. So an error that came from the
 * database is known by its SQLSTATE and the names of the schema objects involved (a
 * constraint, a table, a column) — never by its message — in API bodies, import reports
 * and logs (lib/log.ts uses `logSafeError`).
 */
import { AppError } from "@/lib/errors";

export interface DbErrorInfo {
  /** The SQLSTATE, e.g. "23505". */
  sqlState: string;
  /** Prisma's own code, when it wrapped the error (e.g. "P2002"). */
  prismaCode?: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Prisma codes that stand for a database refusal, with the SQLSTATE they mean. */
const PRISMA_STATE: Record<string, string> = {
  P2000: "22001", // value too long for the column
  P2002: "23505", // unique
  P2003: "23503", // foreign key
  P2004: "23514", // a constraint failed
  P2011: "23502", // not null
  P2020: "22003", // value out of range
  P2034: "40001", // write conflict or deadlock
};

type Loose = Record<string, unknown> | undefined;
const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/** The SQLSTATE and object names of a database error (pg's, or Prisma's around it); null for anything else. */
export function dbErrorInfo(err: unknown): DbErrorInfo | null {
  if (!err || typeof err !== "object") return null;
  const e = err as Record<string, unknown>;
  // node-postgres: DatabaseError with code (SQLSTATE), constraint, table, column.
  if (typeof e.code === "string" && SQLSTATE.test(e.code) && ("severity" in e || "routine" in e)) {
    return { sqlState: e.code, constraint: str(e.constraint), table: str(e.table), column: str(e.column) };
  }
  // Prisma: { code: "P20xx", meta: { driverAdapterError: { cause: { originalCode, kind, constraint, … } } } }.
  const meta = e.meta as Loose;
  const adapter = ((meta?.driverAdapterError as Loose)?.cause ?? (e.cause as Loose)) as Loose;
  const original = str(adapter?.originalCode);
  const prismaCode = typeof e.code === "string" && /^P\d{4}$/.test(e.code) ? e.code : undefined;
  const sqlState = original && SQLSTATE.test(original) ? original : prismaCode ? PRISMA_STATE[prismaCode] : undefined;
  if (!sqlState) return null;
  const constraint = adapter?.constraint as Loose;
  return {
    sqlState,
    prismaCode,
    constraint: str(constraint?.index) ?? str(constraint?.name) ?? str(meta?.constraint) ?? str(meta?.target),
    table: str(adapter?.table) ?? str(meta?.modelName),
    column: str(adapter?.column),
  };
}

/**
 * The i18n key (records.db.*) saying what kind of value the database refused, for an
 * import row or an API answer. The row's own value is never repeated.
 */
export function dbRefusalKey(info: DbErrorInfo): string {
  const s = info.sqlState;
  if (s === "23505") return "records.db.unique";
  if (s === "23503") return "records.db.reference";
  if (s === "23502") return "records.db.required";
  if (s === "22001") return "records.db.tooLong";
  if (s === "22003") return "records.db.outOfRange";
  if (s === "22007" || s === "22008") return "records.db.badDate";
  if (s.startsWith("22")) return "records.db.badValue";
  if (s.startsWith("23")) return "records.db.constraint";
  return "records.db.refused";
}

/**
 * A database refusal as the AppError the caller should see (nothing of its text): a refused
 * value is 422, a unique clash 409. Null for anything else — whether the database is away
 * or busy (503) is decided elsewhere (the database-availability classifier); other faults stay 500.
 */
export function appErrorFromDb(err: unknown): AppError | null {
  const info = dbErrorInfo(err);
  if (!info) return null;
  const s = info.sqlState;
  const details = { sqlState: s, ...(info.constraint ? { constraint: info.constraint } : {}) };
  if (s === "23505") return new AppError("CONFLICT", dbRefusalKey(info), { details });
  if (s.startsWith("22") || s.startsWith("23"))
    return new AppError("INVALID", dbRefusalKey(info), {
      details,
      fields: [{ path: info.column ?? "", message: dbRefusalKey(info) }],
    });
  return null;
}

/**
 * What a log line may say about an error: its name, code, SQLSTATE and object names, the
 * stack without the message line for database errors; other errors as pino would print them.
 */
export function logSafeError(err: unknown): Record<string, unknown> {
  const info = dbErrorInfo(err);
  if (info) {
    const e = err as { name?: string; stack?: string };
    const frames = (e.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l));
    return { type: e.name ?? "DatabaseError", ...info, stack: frames.join("\n") };
  }
  if (err instanceof Error) {
    const out: Record<string, unknown> = { type: err.name, message: err.message, stack: err.stack };
    const code = (err as { code?: unknown }).code;
    if (code !== undefined) out.code = code;
    if (err.cause !== undefined) out.cause = logSafeError(err.cause);
    return out;
  }
  return { value: typeof err === "string" ? err : typeof err };
}
