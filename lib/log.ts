import pino from "pino";
import { logSafeError } from "@/lib/db-refusal";

/**
 * Structured logs, one JSON line per event; include the request id where there is one.
 * Errors go through logSafeError: a database error is logged by its SQLSTATE and object
 * names, never its text (which quotes the refused values, personal data among them).
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "trafficops" },
  serializers: { err: logSafeError, error: logSafeError },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"],
});
