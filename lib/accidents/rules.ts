import type { AccidentSeverity } from "@/lib/records/enums";

/**
 * Severity is derived, never typed: fatal when anyone died, injury when anyone was hurt,
 * otherwise property damage only. "Major" (较大事故) is 3 or more deaths. The database
 * holds the same rule as CHECK constraints, so no write can disagree with it.
 */
export function deriveSeverity(deaths: number, injured: number): { severity: AccidentSeverity; major: boolean } {
  return { severity: deaths > 0 ? "fatal" : injured > 0 ? "injury" : "property", major: deaths >= 3 };
}
