import "server-only";
import type { z } from "zod";
import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { readIdempotencyKey } from "@/lib/idempotency/run-idempotent";
import { created, publicRow, withId } from "@/lib/records/api";
import { unitsById } from "@/lib/records/units";
import {
  createEnterprise,
  createKeyDriver,
  createKeyVehicle,
  getEntry,
  listEnterprises,
  listKeyDrivers,
  listKeyVehicles,
  updateEntry,
} from "./registry";
import {
  enterpriseSchema,
  keyDriverSchema,
  keyVehicleSchema,
  listKeySchema,
  updateEnterpriseSchema,
  updateKeyDriverSchema,
  updateKeyVehicleSchema,
} from "./schemas";
import { idOrNotFound } from "@/lib/validation";

const KINDS = {
  transport_enterprise: {
    list: listEnterprises,
    create: createEnterprise,
    schema: enterpriseSchema,
    update: updateEnterpriseSchema,
  },
  key_vehicle: {
    list: listKeyVehicles,
    create: createKeyVehicle,
    schema: keyVehicleSchema,
    update: updateKeyVehicleSchema,
  },
  key_driver: { list: listKeyDrivers, create: createKeyDriver, schema: keyDriverSchema, update: updateKeyDriverSchema },
} as const;

type Kind = keyof typeof KINDS;
const json = (row: Record<string, unknown> & { unitId: string }, units: Map<string, { code: string }>) => {
  const out: Record<string, unknown> = publicRow(row, units);
  for (const k of ["vehicles", "drivers"])
    if (Array.isArray(out[k]))
      out[k] = (out[k] as (Record<string, unknown> & { unitId: string })[]).map((x) => publicRow(x, units));
  return out;
};

/** GET (list) and POST (create) of one registry: enterprises, key vehicles or key drivers. */
export function collectionRoutes(kind: Kind) {
  const k = KINDS[kind];
  return {
    GET: apiRoute({ permission: "keyvehicle.view" }, async ({ req, actor }) => {
      const page = await k.list({ actor, input: parseInput(listKeySchema, queryObject(req)) });
      const units = await unitsById(page.items.map((x) => x.unitId));
      return { items: page.items.map((x) => json(x as never, units)), nextCursor: page.nextCursor };
    }),
    POST: apiRoute({ permission: "keyvehicle.manage" }, async ({ req, actor }) => {
      const input = parseInput(k.schema as z.ZodType, await readJson(req));
      const { record, replayed } = await k.create({
        actor,
        input: input as never,
        idempotencyKey: readIdempotencyKey(req.headers),
      });
      return created(json(record as never, await unitsById([record.unitId])), replayed);
    }),
  };
}

/** GET and PATCH of one entry. */
export function itemRoutes(kind: Kind) {
  const k = KINDS[kind];
  return {
    GET: apiRoute<{ id: string }>({ permission: "keyvehicle.view" }, async ({ actor, params }) => {
      const row = await getEntry({ actor, entity: kind, id: idOrNotFound(params.id) });
      return json(row as never, await unitsById([row.unitId]));
    }),
    PATCH: apiRoute<{ id: string }>({ permission: "keyvehicle.manage" }, async ({ req, actor, params }) => {
      const input = parseInput(k.update as z.ZodType, withId(await readJson(req), idOrNotFound(params.id))) as Record<
        string,
        unknown
      > & { id: string };
      await updateEntry({ actor, entity: kind, input });
      const row = await getEntry({ actor, entity: kind, id: input.id });
      return json(row as never, await unitsById([row.unitId]));
    }),
  };
}
