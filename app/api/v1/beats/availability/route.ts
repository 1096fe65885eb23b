import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { beatAvailability } from "@/lib/duty/availability";
import { beatAvailabilitySchema } from "@/lib/duty/schemas";

/**
 * GET /api/v1/beats/availability?unit&startsAt&endsAt[&except] — for a beat not yet saved,
 * who of the unit's brigade is already on duty then and who would be short of rest:
 * { people: { [userId]: { busy: [...], shortRest: [...] } } } (people not listed are free).
 */
export const GET = apiRoute({ permission: "beat.manage" }, async ({ actor, req }) =>
  beatAvailability({ actor, input: parseInput(beatAvailabilitySchema, queryObject(req)) }),
);
