import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { zodPublicFields } from "@/lib/api/respond";
import type { FieldError } from "@/lib/errors";
import { recordFix, recordFixes, type Fix } from "./record-fix";
import { reporterFor } from "./reporter";
import { batchFixSchema, type ReportPositionInput, type ReportPositionsInput } from "./schemas";
import { openSosInTx } from "./sos";
import { arriveOnFix } from "@/lib/incidents/arrive-on-fix";

/**
 * POST /api/v1/positions. Not audited row by row (a track is not a change of record);
 * a report with status "sos" raises an SOS alert when the person has none open.
 */
export async function reportPosition({ actor, input }: { actor: Actor; input: ReportPositionInput }) {
  assertCan(actor, "position.report");
  const who = await reporterFor({ actor, userId: input.userId });
  const fix: Fix = {
    lat: input.lat,
    lng: input.lng,
    accuracyM: input.accuracyM ?? null,
    status: input.status,
    at: input.at ?? new Date(),
  };
  const out = await db.$transaction(async (tx) => {
    const current = await recordFix(tx, who, fix);
    const sos = input.status === "sos" ? await openSosInTx({ tx, actor, who, fix: { ...fix, message: null } }) : null;
    return { userId: who.id, at: fix.at.toISOString(), status: fix.status, current, sosId: sos?.id ?? null };
  });
  // A responder within 200 m of the incident they were sent to is on scene (after commit).
  if (out.current) await arriveOnFix({ actor, input: { userId: who.id, ...fix } });
  return out;
}

export interface RejectedFix {
  index: number;
  fields: (FieldError & { key: string })[];
}

/**
 * POST /api/v1/positions with { fixes }: a phone's queued track, each fix with the time it
 * was taken. Every fix is checked on its own; the bad ones are reported by index and the
 * good ones stored in one transaction (a fix already stored is skipped, so a resent batch
 * changes nothing). An "sos" fix among them raises the alarm like a single report does, and
 * the newest fix puts a responder on scene like a single report does (arriveOnFix).
 */
export async function reportPositions({ actor, input }: { actor: Actor; input: ReportPositionsInput }) {
  assertCan(actor, "position.report");
  const who = await reporterFor({ actor, userId: input.userId });
  const good: Fix[] = [];
  const rejected: RejectedFix[] = [];
  input.fixes.forEach((raw, index) => {
    const r = batchFixSchema.safeParse(raw);
    if (r.success)
      good.push({
        lat: r.data.lat,
        lng: r.data.lng,
        accuracyM: r.data.accuracyM ?? null,
        status: r.data.status,
        at: r.data.at,
      });
    else rejected.push({ index, fields: zodPublicFields(r.error) });
  });
  if (!good.length)
    return { userId: who.id, received: input.fixes.length, stored: 0, rejected, current: false, sosId: null };
  const out = await db.$transaction(async (tx) => {
    const { stored, current } = await recordFixes(tx, who, good);
    const sosFix = good.filter((f) => f.status === "sos").sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    const sos = sosFix ? await openSosInTx({ tx, actor, who, fix: { ...sosFix, message: null } }) : null;
    return { userId: who.id, received: input.fixes.length, stored, rejected, current, sosId: sos?.id ?? null };
  });
  // The phone's newest fix, when it is now their position, may put them on scene (after commit).
  if (out.current) {
    const newest = good.reduce((a, b) => (b.at > a.at ? b : a));
    await arriveOnFix({ actor, input: { userId: who.id, ...newest } });
  }
  return out;
}
