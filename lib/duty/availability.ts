import "server-only";
/**
 * Before a beat is saved: for every person who could be rostered on it (the brigade's
 * officers and auxiliaries), the beats they already have at that time and the beats that
 * would leave them less than 8 hours' rest. The beat dialog marks people as they are
 * picked and lists every conflict at once; the database's exclusion constraint stays the
 * final word when saving (lib/duty/beat-rules.ts).
 */
import { z } from "zod";
import { assertCan, inScope, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { brigadeOf } from "@/lib/units/brigade";
import { unitInScopeByCode } from "@/lib/units/read-units";
import { MIN_REST_MS, restIssues, type BeatSpan } from "./coverage";
import type { BeatAvailabilityInput } from "./schemas";

export interface BusySlot {
  beatId: string;
  /** null for another unit's beat (named only as such). */
  grid: string | null;
  startsAt: string;
  endsAt: string;
}

export interface PersonAvailability {
  busy: BusySlot[];
  shortRest: { beatId: string; grid: string | null; hours: number }[];
}

const rowSchema = z.object({
  user_id: z.string(),
  beat_id: z.string(),
  starts_at: z.date(),
  ends_at: z.date(),
  grid_name: z.string(),
  unit_path: z.string(),
});

/** Availability of everyone who is on some beat near that time; people not listed are free. */
export async function beatAvailability({
  actor,
  input,
}: {
  actor: Actor;
  input: BeatAvailabilityInput;
}): Promise<{ people: Record<string, PersonAvailability> }> {
  assertCan(actor, "beat.manage");
  const unit = await unitInScopeByCode({ actor, code: input.unit });
  const brigade = await brigadeOf(unit);
  const start = input.startsAt;
  const end = input.endsAt;
  // Every beat of the brigade's people from 8 hours before to 8 hours after (rest counts
  // beats of any unit: a person is one person wherever they were rostered).
  const rows = z.array(rowSchema).parse(
    await db.$queryRaw<unknown[]>`
      SELECT m.user_id::text, m.beat_id::text, m.starts_at, m.ends_at, g.name AS grid_name, b.unit_path
        FROM beat_members m
        JOIN users u ON u.id = m.user_id
        JOIN units un ON un.id = u.unit_id
        JOIN beats b ON b.id = m.beat_id
        JOIN grids g ON g.id = b.grid_id
       WHERE un.path LIKE ${brigade.path + "%"} AND un.path LIKE ${actor.unitPath + "%"} AND u.active AND u.role IN ('OFFICER', 'AUXILIARY')
         AND NOT m.cancelled
         AND m.starts_at < ${new Date(end.getTime() + MIN_REST_MS)}
         AND m.ends_at > ${new Date(start.getTime() - MIN_REST_MS)}
         AND m.beat_id IS DISTINCT FROM ${input.except ?? null}::uuid
       ORDER BY m.starts_at`,
  );
  const people: Record<string, PersonAvailability> = {};
  const of = (u: string) => (people[u] ??= { busy: [], shortRest: [] });
  const grid = (r: z.infer<typeof rowSchema>) => (inScope(actor, r.unit_path) ? r.grid_name : null);
  const spans = new Map<string, BeatSpan>();
  const NEW = "new";
  const candidate: BeatSpan = { id: NEW, gridId: "", start: +start, end: +end, userIds: [] };
  for (const r of rows) {
    if (r.starts_at < end && r.ends_at > start) {
      of(r.user_id).busy.push({
        beatId: r.beat_id,
        grid: grid(r),
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
      });
      continue;
    }
    const s = spans.get(r.beat_id) ?? { id: r.beat_id, gridId: "", start: +r.starts_at, end: +r.ends_at, userIds: [] };
    s.userIds.push(r.user_id);
    spans.set(r.beat_id, s);
    if (!candidate.userIds.includes(r.user_id)) candidate.userIds.push(r.user_id);
  }
  // The same rest rule as the saved beats' warnings, with this beat as a candidate for everyone nearby.
  const names = new Map(rows.map((r) => [r.beat_id, grid(r)]));
  for (const issue of restIssues([candidate, ...spans.values()]).get(NEW) ?? [])
    of(issue.userId).shortRest.push({
      beatId: issue.otherBeatId,
      grid: names.get(issue.otherBeatId) ?? null,
      hours: issue.restH,
    });
  return { people };
}
