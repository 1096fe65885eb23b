/**
 * The PostgreSQL SQLSTATE behind an error from Prisma (driver adapter) or node-postgres,
 * so domain code can turn constraint violations into clear answers.
 */
export function pgErrorCode(e: unknown): string | null {
  const x = e as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } }; code?: unknown };
  } | null;
  const cause = x?.meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code ?? x?.meta?.code ?? x?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

export const EXCLUSION_VIOLATION = "23P01";
export const UNIQUE_VIOLATION = "23505";
export const FK_VIOLATION = "23503";
export const DEADLOCK = "40P01";
