/**
 * Issue 13, item 10: `LIKE path%` scope filters must take `_` and `%` in unit codes
 * literally. A squad coded `sq_1` must not see its sibling `sqX1` (the `_` would match X).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { escapeLike, pathLike, underPath } from "@/lib/auth/actor";
import { createUnit } from "@/lib/units/create-unit";
import { moveUnit } from "@/lib/units/move-unit";
import { listUnitsInScope } from "@/lib/units/read-units";
import { createUser } from "@/lib/users/write-users";
import { createViolation } from "@/lib/violations/create-violation";
import { listViolations } from "@/lib/violations/list-violations";
import { createViolationSchema, listViolationsSchema } from "@/lib/violations/schemas";
import { actorFor } from "../setup/actors";
import { ensureCatalogue, ZHENYUAN } from "../setup/records";

beforeAll(async () => {
  await ensureCatalogue();
  const admin = await actorFor("admin");
  for (const code of ["sq_1", "sqX1"]) {
    await createUnit({
      actor: admin,
      input: { parentCode: "522625", kind: "SQUAD", code, nameZh: code, nameEn: code, squadKind: "URBAN" },
    });
  }
  await createUser({
    actor: admin,
    input: {
      username: "sq-commander",
      displayName: "中队长",
      role: "COMMANDER",
      unitCode: "sq_1",
      password: "Squad-pass-2026!",
    },
  });
  const officer = await actorFor("zy-officer");
  await createViolation({
    actor: officer,
    input: createViolationSchema.parse({
      occurredAt: "2026-03-01T09:30:00+08:00",
      ...ZHENYUAN,
      plate: "贵H54321",
      plateColor: "blue",
      vehicleType: "small_car",
      type: "illegal_parking",
      unitCode: "sqX1",
    }),
  });
});

describe("scope filters escape LIKE wildcards", () => {
  it("escapes backslash, percent and underscore", () => {
    expect(escapeLike("/52_6%\\/")).toBe("/52\\_6\\%\\\\/");
    expect(pathLike("/a_b/")).toBe("/a\\_b/%");
    expect(underPath("/a_b/")).toEqual({ startsWith: "/a\\_b/" });
  });

  it("Prisma's startsWith passes `_` through as a wildcard (why underPath escapes)", async () => {
    const raw = await db.unit.findMany({ where: { path: { startsWith: "/520000/522600/522625/sq_1/" } } });
    expect(raw.map((u) => u.code).sort()).toEqual(["sqX1", "sq_1"]);
    const escaped = await db.unit.findMany({ where: { path: underPath("/520000/522600/522625/sq_1/") } });
    expect(escaped.map((u) => u.code)).toEqual(["sq_1"]);
  });

  it("a commander of sq_1 sees neither the sibling unit nor its records", async () => {
    const cmd = await actorFor("sq-commander");
    expect((await listUnitsInScope(cmd)).map((u) => u.code)).toEqual(["sq_1"]);
    const page = await listViolations({ actor: cmd, input: listViolationsSchema.parse({}) });
    expect(page.items).toEqual([]);
  });

  it("moving sq_1 leaves the sibling's paths alone (repath_units escapes too)", async () => {
    const admin = await actorFor("admin");
    await moveUnit({ actor: admin, input: { code: "sq_1", newParentCode: "520626" } });
    const sibling = await db.unit.findUniqueOrThrow({ where: { code: "sqX1" } });
    expect(sibling.path).toBe("/520000/522600/522625/sqX1/");
    const v = await db.violation.findFirstOrThrow({ where: { plate: "贵H54321" } });
    expect(v.unitPath).toBe("/520000/522600/522625/sqX1/");
  });
});
