import { createAccident } from "@/lib/accidents/create-accident";
import { accidentJson, listAccidents } from "@/lib/accidents/read-accidents";
import { createAccidentSchema, listAccidentsSchema } from "@/lib/accidents/schemas";
import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { readIdempotencyKey } from "@/lib/idempotency/run-idempotent";
import { created } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";

/** GET /api/v1/accidents?from&to&severity&status&handling&hitAndRun&major&plate&unit&grid&sort&cursor&limit */
export const GET = apiRoute({ permission: "accident.view" }, async ({ req, actor }) => {
  const page = await listAccidents({ actor, input: parseInput(listAccidentsSchema, queryObject(req)) });
  const units = await unitsById(page.items.map((a) => a.unitId));
  return { items: page.items.map((a) => accidentJson(a, units)), nextCursor: page.nextCursor };
});

/** POST /api/v1/accidents — 201 with the record (severity derived); 200 on a replay. */
export const POST = apiRoute({ permission: "accident.create" }, async ({ req, actor }) => {
  const idempotencyKey = readIdempotencyKey(req.headers);
  const input = parseInput(createAccidentSchema, await readJson(req));
  const { record, replayed } = await createAccident({ actor, input, idempotencyKey });
  return created(accidentJson(record, await unitsById([record.unitId])), replayed);
});
