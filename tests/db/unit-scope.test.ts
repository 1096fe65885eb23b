/** A user reads and writes only their unit and the units below it. */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUnit } from "@/lib/units/create-unit";
import { moveUnit } from "@/lib/units/move-unit";
import { getUnitByCode, listUnitPersonnel, listUnitProfilesInScope, listUnitsInScope } from "@/lib/units/read-units";
import { resolveUnitAtPoint } from "@/lib/units/resolve-unit-at-point";
import { listUsers } from "@/lib/users/list-users";
import { createUser, updateUser } from "@/lib/users/write-users";
import { actorFor } from "../setup/actors";

const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));

describe("unit scope", () => {
  it("a Zhenyuan commander sees Zhenyuan and its squads, never Yinjiang", async () => {
    const zy = await actorFor("zy-commander");
    const codes = (await listUnitsInScope(zy)).map((u) => u.code);
    expect(codes).toEqual(["522625", "522625-01", "522625-02", "522625-03", "522625-04", "522625-05"]);
    await expect(getUnitByCode({ actor: zy, code: "522625-02" })).resolves.toMatchObject({ code: "522625-02" });
    await expect(getUnitByCode({ actor: zy, code: "520626" }).catch(code)).resolves.toBe("NOT_FOUND");
    await expect(listUnitPersonnel({ actor: zy, code: "520626" }).catch(code)).resolves.toBe("NOT_FOUND");
    // The parent detachment is above the commander: also out of scope.
    await expect(getUnitByCode({ actor: zy, code: "522600" }).catch(code)).resolves.toBe("NOT_FOUND");
  });

  it("roles without the permission are refused even inside their unit", async () => {
    const clerk = await actorFor("zy-clerk");
    await expect(getUnitByCode({ actor: clerk, code: "522625" }).catch(code)).resolves.toBe("FORBIDDEN");
    const commander = await actorFor("zy-commander");
    await expect(listUsers({ actor: commander, input: { limit: 10 } }).catch(code)).resolves.toBe("FORBIDDEN");
  });

  it("unit profiles are read within scope, by administrators only", async () => {
    const admin = await actorFor("admin");
    const mine = await listUnitProfilesInScope({ actor: admin });
    expect(mine.length).toBeGreaterThan(0);
    await expect(listUnitProfilesInScope({ actor: await actorFor("cq-admin") })).resolves.toEqual([]);
    const zy = await actorFor("zy-commander");
    await expect(listUnitProfilesInScope({ actor: zy }).catch(code)).resolves.toBe("FORBIDDEN");
  });

  it("an admin of Chongqing cannot create users or units in Guizhou", async () => {
    const cq = await actorFor("cq-admin");
    const input = {
      username: "intruder",
      displayName: "X",
      role: "OFFICER" as const,
      unitCode: "522625",
      password: "Password-12345",
    };
    await expect(createUser({ actor: cq, input }).catch(code)).resolves.toBe("NOT_FOUND");
    await expect(
      createUnit({
        actor: cq,
        input: { parentCode: "522625", kind: "SQUAD", code: "522625-99", nameZh: "x", nameEn: "x" },
      }).catch(code),
    ).resolves.toBe("NOT_FOUND");
    expect(await db.user.count({ where: { username: "intruder" } })).toBe(0);
    const page = await listUsers({ actor: cq, input: { limit: 100 } });
    expect(page.items.map((u) => u.username).sort()).toEqual(["cq-admin", "yy-duty"]);
  });

  it("an admin cannot move a user into a unit outside scope", async () => {
    const cq = await actorFor("cq-admin");
    const yy = await db.user.findUniqueOrThrow({ where: { username: "yy-duty" } });
    await expect(
      updateUser({ actor: cq, input: { id: yy.id, displayName: "x", role: "DUTY_OFFICER", unitCode: "522625" } }).catch(
        code,
      ),
    ).resolves.toBe("NOT_FOUND");
  });

  it("moving a squad rewrites the paths below it and keeps the tree consistent", async () => {
    const admin = await actorFor("admin");
    await createUnit({
      actor: admin,
      input: { parentCode: "522625", kind: "SQUAD", code: "522625-09", nameZh: "测试中队", nameEn: "Test squad" },
    });
    await expect(
      moveUnit({ actor: admin, input: { code: "522625-09", newParentCode: "520000" } }).catch(code),
    ).resolves.toBe("INVALID");
    await moveUnit({ actor: admin, input: { code: "522625-09", newParentCode: "520626" } });
    const moved = await db.unit.findUniqueOrThrow({ where: { code: "522625-09" } });
    expect(moved.path).toBe("/520000/520600/520626/522625-09/");
    expect(moved.depth).toBe(4);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "unit.move", entityId: moved.id } });
    expect(audit.before).toMatchObject({ path: "/520000/522600/522625/522625-09/" });
    // A brigade moves with its squads.
    await moveUnit({ actor: admin, input: { code: "520626", newParentCode: "522600" } });
    const squad = await db.unit.findUniqueOrThrow({ where: { code: "520626-01" } });
    expect(squad.path).toBe("/520000/522600/520626/520626-01/");
    expect(squad.depth).toBe(4);
  });

  it("finds the deepest unit whose outline contains a point", async () => {
    const zy = await actorFor("zy-commander");
    // Zhenyuan county town (舞阳镇).
    await expect(resolveUnitAtPoint({ actor: zy, input: { lng: 108.43, lat: 27.05 } })).resolves.toMatchObject({
      code: "522625",
    });
    // Yinjiang's county town is outside Zhenyuan's scope.
    await expect(resolveUnitAtPoint({ actor: zy, input: { lng: 108.41, lat: 27.99 } })).resolves.toBeNull();
    const admin = await actorFor("admin");
    await expect(resolveUnitAtPoint({ actor: admin, input: { lng: 108.41, lat: 27.99 } })).resolves.toMatchObject({
      code: "520626",
    });
  });
});
