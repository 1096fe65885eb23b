import "server-only";
import { db } from "@/lib/db";
import { assertCan, assertInScope, type Actor, underPath } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

const unitListSelect = {
  id: true,
  code: true,
  path: true,
  depth: true,
  kind: true,
  squadKind: true,
  nameZh: true,
  nameEn: true,
  parentId: true,
} as const;

/** Every unit the actor can see, in tree order (path order puts parents before children). */
export async function listUnitsInScope(actor: Actor) {
  return db.unit.findMany({
    where: { path: underPath(actor.unitPath) },
    select: unitListSelect,
    orderBy: { path: "asc" },
  });
}

export type UnitListItem = Awaited<ReturnType<typeof listUnitsInScope>>[number];

/** The yearly profiles (population, road km…) of every unit in scope, newest year first: the unit tree editor. */
export async function listUnitProfilesInScope({ actor }: { actor: Actor }) {
  assertCan(actor, "admin.units");
  return db.unitProfile.findMany({ where: { unit: { path: underPath(actor.unitPath) } }, orderBy: { year: "desc" } });
}

/** Unit codes by unit id, for ids the caller has already read within scope (a hall's unit…). */
export async function unitCodesById(ids: string[]): Promise<Map<string, string>> {
  const units = await db.unit.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, code: true } });
  return new Map(units.map((u) => [u.id, u.code]));
}

/** A unit by code, 404 when it does not exist or lies outside the actor's scope. */
export async function getUnitByCode({ actor, code }: { actor: Actor; code: string }) {
  assertCan(actor, "unit.view");
  const unit = await db.unit.findUnique({
    where: { code },
    select: { ...unitListSelect, bbox: true, parent: { select: { code: true, nameZh: true, nameEn: true } } },
  });
  if (!unit) throw new AppError("NOT_FOUND", "unit not found");
  assertInScope(actor, unit.path, "unit");
  const [children, profiles] = await Promise.all([
    db.unit.findMany({ where: { parentId: unit.id }, select: unitListSelect, orderBy: { code: "asc" } }),
    db.unitProfile.findMany({ where: { unitId: unit.id }, orderBy: { year: "desc" } }),
  ]);
  return { ...unit, children, profiles };
}

/** The people of a unit (and its sub-units), for the unit page. Same scope rule. */
export async function listUnitPersonnel({ actor, code }: { actor: Actor; code: string }) {
  assertCan(actor, "unit.view");
  const unit = await db.unit.findUnique({ where: { code }, select: { path: true } });
  if (!unit) throw new AppError("NOT_FOUND", "unit not found");
  assertInScope(actor, unit.path, "unit");
  return db.user.findMany({
    where: { unit: { path: underPath(unit.path) } },
    select: {
      id: true,
      username: true,
      displayName: true,
      badgeNumber: true,
      role: true,
      active: true,
      unit: { select: { code: true, nameZh: true, nameEn: true } },
    },
    orderBy: [{ unit: { path: "asc" } }, { role: "asc" }, { displayName: "asc" }],
  });
}

/** Scoped lookup used by other domains: the unit for a code, or 404 outside scope. */
export async function unitInScopeByCode({ actor, code }: { actor: Actor; code: string }) {
  const unit = await db.unit.findUnique({
    where: { code },
    select: { id: true, code: true, path: true, kind: true, parentId: true },
  });
  if (!unit) throw new AppError("NOT_FOUND", `unit ${code} not found`);
  assertInScope(actor, unit.path, "unit");
  return unit;
}

/** The path prefix a list is filtered to: a unit in scope the caller names (404 otherwise), else the caller's own scope. */
export async function scopePathFor({ actor, unitCode }: { actor: Actor; unitCode?: string | null }): Promise<string> {
  return unitCode ? (await unitInScopeByCode({ actor, code: unitCode })).path : actor.unitPath;
}

/**
 * The scope filter of a fact-table list (violations, accidents): rows under `path`, and, when
 * `path` is a brigade or lies below one, that brigade's id too. The second condition follows
 * from the first (a fact row's brigade_id is the brigade above its unit, kept by
 * repath_units on a unit move) but lets the planner read the list newest-first from the
 * (brigade_id, occurred_at) index instead of sorting every row under the path: 0.8 ms
 * instead of 180 ms for a brigade's first page on the demo data (docs/performance.md#indexes).
 */
export async function factScope(path: string): Promise<{ unitPath: { startsWith: string }; brigadeId?: string }> {
  const codes = path.split("/").filter(Boolean);
  const prefixes = codes.map((_, i) => `/${codes.slice(0, i + 1).join("/")}/`);
  const brigade = await db.unit.findFirst({
    where: { path: { in: prefixes }, kind: "BRIGADE" },
    select: { id: true },
  });
  return brigade ? { unitPath: underPath(path), brigadeId: brigade.id } : { unitPath: underPath(path) };
}
