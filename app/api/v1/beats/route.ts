import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { createBeat } from "@/lib/duty/create-beat";
import { listBeats } from "@/lib/duty/list-beats";
import { createBeatSchema, listBeatsSchema } from "@/lib/duty/schemas";
import { fingerprint, readIdempotencyKey } from "@/lib/idempotency/run-idempotent";

/** GET /api/v1/beats?unit&from&to[&grid&includeCancelled&cursor&limit] — beats overlapping the period. */
export const GET = apiRoute({ permission: "beat.view" }, async ({ actor, req }) =>
  listBeats({ actor, input: parseInput(listBeatsSchema, queryObject(req)) }),
);

/**
 * POST /api/v1/beats — 201 { beat, warnings }; 409 naming the person and the other beat
 * when someone would be double-booked. Idempotency-Key: a retry returns the first beat (200).
 */
export const POST = apiRoute({ permission: "beat.manage" }, async ({ actor, req }) => {
  const body = await readJson(req);
  const input = parseInput(createBeatSchema, body);
  const key = readIdempotencyKey(req.headers);
  const r = await createBeat({ actor, input, idempotency: { key, fingerprint: fingerprint(body) } });
  return json({ ...r.beat, warnings: r.warnings }, r.replayed ? 200 : 201);
});
