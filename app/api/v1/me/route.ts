import { apiRoute } from "@/lib/api/route";

/** GET /api/v1/me — who the caller is, their unit and permissions. */
export const GET = apiRoute({}, async ({ actor }) => ({
  kind: actor.kind,
  id: actor.id,
  name: actor.name,
  role: actor.role,
  unit: { id: actor.unitId, code: actor.unitCode, path: actor.unitPath },
  permissions: [...actor.permissions].sort(),
}));
