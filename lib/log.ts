import pino from "pino";

/** Structured logs, one JSON line per event; include the request id where there is one. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "trafficops" },
  redact: ["password", "*.password", "passwordHash", "*.passwordHash", "token", "*.token"],
});
