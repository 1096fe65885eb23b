import { z } from "zod";
import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listOutreachTrips, saveOutreachTrip } from "@/lib/window/outreach";
import { outreachTripSchema } from "@/lib/window/schemas";
import { dayString } from "@/lib/time";

/** GET /api/v1/window/outreach-trips?year — trips in scope with their transaction counts. */
export const GET = apiRoute({ permission: "window.view" }, async ({ actor, req }) => {
  const { year } = parseInput(
    z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    queryObject(req),
  );
  return { items: await listOutreachTrips({ actor, year }) };
});

/** POST /api/v1/window/outreach-trips — log a trip (送考下乡): 201 with its id. */
export const POST = apiRoute({ permission: ["window.serve", "window.manage"] }, async ({ actor, req }) => {
  const input = parseInput(outreachTripSchema, await readJson(req));
  const trip = await saveOutreachTrip({ actor, input: { ...input, id: undefined } });
  return json({ ...trip, tripDate: dayString(trip.tripDate) }, 201);
});
