/**
 * zod building blocks shared by every domain's schemas.ts (client and server alike), one
 * definition each. One set of rules for forms (strings from FormData), API bodies (JSON)
 * and import rows (CSV strings or NDJSON values):
 *  - "", whitespace and null mean "not given" (`blank`, `opt`);
 *  - numbers may arrive as strings; booleans as words (`zBool`: one list, below);
 *  - a day is YYYY-MM-DD and must exist (`zDay`: 2023-02-30 is refused);
 *  - everything is bounded, so no input reaches the database as an error (a NUL byte, a
 *    year 30000, an int overflow): bad input is a 422, never a 500.
 * Messages are i18n keys (lib/i18n/messages/*: validation.*).
 */
import "@/lib/zod-csp";
export * from "./days";
export * from "./ids";
export * from "./numbers";
export * from "./text";
