import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { listServicePoints, saveServicePoint } from "@/lib/window/outreach";
import { servicePointSchema } from "@/lib/window/schemas";
import { dayString } from "@/lib/time";

/** GET /api/v1/window/service-points — police–insurance service points in scope. */
export const GET = apiRoute({ permission: "window.view" }, async ({ actor }) => ({
  items: await listServicePoints({ actor }),
}));

/** POST /api/v1/window/service-points — add a service point (window.manage): 201 with its id. */
export const POST = apiRoute({ permission: "window.manage" }, async ({ actor, req }) => {
  const input = parseInput(servicePointSchema, await readJson(req));
  const p = await saveServicePoint({ actor, input: { ...input, id: undefined } });
  return json({ ...p, openedOn: dayString(p.openedOn), closedOn: dayString(p.closedOn) }, 201);
});
