/**
 * One error type for expected failures. Each code maps to one HTTP status; route
 * handlers, server actions and pages all translate it the same way (lib/api/respond.ts,
 * lib/actions/safe-action.ts).
 */
export const errorStatus = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INVALID: 422,
  LOCKED: 423,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  /** Dotted path of the offending field, e.g. "vehicles.0.plate". */
  path: string;
  /** A message, or an i18n key such as "validation.idCard" (see lib/i18n). */
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldError[];
  /** Extra machine-readable detail (e.g. the conflicting record). */
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { fields?: FieldError[]; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what = "record") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (why = "not allowed") => new AppError("FORBIDDEN", why);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError("CONFLICT", message, { details });
export const invalid = (fields: FieldError[], message = "invalid input") =>
  new AppError("INVALID", message, { fields });

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
