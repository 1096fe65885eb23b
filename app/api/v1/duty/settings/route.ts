import { z } from "zod";
import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { dutySettingsSchema } from "@/lib/duty/schemas";
import { dutyUnitByCode } from "@/lib/duty/scope";
import { getDutySettings, saveDutySettings } from "@/lib/duty/settings";
import { zUnitCode } from "@/lib/units/schemas";

/** GET /api/v1/duty/settings?unit — the brigade's risk thresholds and arrival rules (defaults if unset). */
export const GET = apiRoute({ permission: ["grid.view", "map.view"] }, async ({ actor, req }) => {
  const q = parseInput(z.object({ unit: zUnitCode.optional() }), queryObject(req));
  const unit = await dutyUnitByCode({ actor, code: q.unit ?? actor.unitCode });
  return { unitCode: unit.brigade.code, ...(await getDutySettings(unit.brigade.id)) };
});

/** PUT /api/v1/duty/settings — replaces a brigade's settings (grid managers). */
export const PUT = apiRoute({ permission: "grid.manage" }, async ({ actor, req }) =>
  saveDutySettings({ actor, input: parseInput(dutySettingsSchema, await readJson(req)) }),
);
