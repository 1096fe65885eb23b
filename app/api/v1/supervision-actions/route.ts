import { z } from "zod";
import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { actionSchema } from "@/lib/keyvehicles/schemas";
import { addAction, listActions } from "@/lib/keyvehicles/supervision";
import { zLimit } from "@/lib/pagination";
import { created, publicRow } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";
import { zUuid } from "@/lib/validation";

const listSchema = z.object({
  finding: zUuid.optional(),
  kind: z.string().max(40).optional(),
  cursor: z.string().max(200).optional(),
  limit: zLimit,
});

/** GET /api/v1/supervision-actions?finding&kind&cursor&limit — control actions in scope, newest first. */
export const GET = apiRoute({ permission: "keyvehicle.view" }, async ({ req, actor }) => {
  const page = await listActions({ actor, input: parseInput(listSchema, queryObject(req)) });
  const units = await unitsById(page.items.map((a) => a.unitId));
  return { items: page.items.map((a) => publicRow(a, units)), nextCursor: page.nextCursor };
});

/** POST /api/v1/supervision-actions — a control action on a finding (抄告/函, 约谈, 解聘, 打击, 督促审验). */
export const POST = apiRoute({ permission: "keyvehicle.manage" }, async ({ req, actor }) => {
  const { action, replayed } = await addAction({ actor, input: parseInput(actionSchema, await readJson(req)) });
  return created(publicRow(action, await unitsById([action.unitId])), replayed);
});
