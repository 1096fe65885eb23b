import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionPhrase, AUDIT_ENTITIES, describeAudit, formatIp } from "@/lib/audit/describe";
import { messages } from "@/lib/i18n/messages";
import { makeT } from "@/lib/i18n/translate";

const zh = makeT(messages.zh);
const en = makeT(messages.en);
const typeName = (k: string) => ({ illegal_parking: "违法停车" })[k];

/** Every `action: "…"` and `? "…" : "…"` audit action literal in lib/, and the entity literals. */
function sourceLiterals() {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== "generated") walk(p);
      else if (e.name.endsWith(".ts")) files.push(p);
    }
  };
  walk(path.join(import.meta.dirname, "../../lib"));
  const actions = new Set<string>();
  const entities = new Set<string>();
  for (const f of files) {
    const src = fs.readFileSync(f, "utf8");
    if (!/writeAudit/.test(src)) continue;
    for (const m of src.matchAll(/action: (?:[^,\n]*\? )?"([a-z_]+\.[a-zA-Z_.]+)"(?: : "([a-z_]+\.[a-zA-Z_.]+)")?/g)) {
      actions.add(m[1]);
      if (m[2]) actions.add(m[2]);
    }
    for (const m of src.matchAll(/entity: "([a-z_]+)"/g)) entities.add(m[1]);
  }
  return { actions, entities };
}

describe("audit sentences", () => {
  it("reads a new violation as a sentence, with field names and values translated", () => {
    const line = describeAudit(
      {
        actorName: "王强",
        actorRole: "OFFICER",
        action: "violation.create",
        entity: "violation",
        entityId: "0190",
        after: {
          id: "0190",
          unitPath: "/520000/",
          typeKey: "illegal_parking",
          plate: "贵H12345",
          plateColor: "blue",
          source: "onsite",
          fineYuan: 200,
          serious: false,
          recordedById: "x",
        },
        ip: "::ffff:127.0.0.1",
      },
      { t: zh, locale: "zh", typeName },
    );
    expect(line.sentence).toBe("王强 新建了违法记录：违法停车，贵H12345");
    expect(line.role).toBe("路警");
    expect(line.changes).toEqual(
      expect.arrayContaining([
        { field: "号牌颜色", after: "蓝牌" },
        { field: "来源", after: "现场执法" },
      ]),
    );
    const text = JSON.stringify([line.sentence, line.changes]);
    expect(text).not.toMatch(/illegal_parking|onsite|unitPath|recordedById|0190/);
    expect(line.ip).toBe("127.0.0.1");
    expect(line.href).toBe("/violations/0190");
  });

  it("shows a change as before → after, a cleared field as cleared, and parties as a table", () => {
    const change = describeAudit(
      {
        actorName: "李明",
        actorRole: "COMMANDER",
        action: "violation.update",
        entity: "violation",
        before: { roadName: "舞阳大道", status: "recorded" },
        after: { roadName: null, status: "notified" },
      },
      { t: en, locale: "en", typeName },
    );
    expect(change.changes).toContainEqual({ field: "Road", before: "舞阳大道", after: "cleared" });
    expect(change.sentence).toMatch(/^李明 changed a violation record$/);

    const accident = describeAudit(
      {
        actorName: "王强",
        actorRole: "OFFICER",
        action: "accident.create",
        entity: "accident",
        after: {
          severity: "injury",
          injured: 1,
          vehicles: [
            { plate: "贵H54321", vehicleType: "small_car", role: "driver", name: "李四", atFault: true },
            { plate: null, role: "pedestrian", atFault: false },
          ],
        },
      },
      { t: zh, locale: "zh" },
    );
    expect(accident.sentence).toBe("王强 新建了事故记录：伤人事故");
    expect(accident.tables).toHaveLength(1);
    expect(accident.tables[0].columns).toEqual(["号牌号码", "车辆类型", "身份", "当事人姓名", "有责"]);
    expect(accident.tables[0].rows[0]).toEqual(["贵H54321", "小型汽车", "驾驶人", "李四", "是"]);
    expect(accident.tables[0].rows[1][2]).toBe("行人");
    for (const cell of accident.tables[0].rows.flat()) expect(cell).not.toMatch(/[{}"]/);
  });

  it("names every audited action and entity in both languages, never with its code", () => {
    const { actions, entities } = sourceLiterals();
    expect(actions.size).toBeGreaterThan(50);
    // Actions built from a value: their every value.
    for (const k of ["notice_letter", "enterprise_interview", "driver_dismissal", "offence_prosecuted", "other"])
      actions.add(`supervision_action.${k}`);
    for (const k of ["open", "rectifying", "closed"]) actions.add(`hazard.${k}`);
    for (const k of ["upheld", "revoked"]) actions.add(`appeal.${k}`);
    for (const k of ["recorded", "notified", "closed"]) actions.add(`violation.${k}`);
    for (const e of ["key_vehicle", "key_driver", "transport_enterprise"])
      for (const v of ["create", "update"]) actions.add(`${e}.${v}`);
    for (const t of [zh, en]) {
      for (const a of actions) expect(t(`audit.actions.${a}`), a).not.toBe(`audit.actions.${a}`);
      for (const e of entities) expect(AUDIT_ENTITIES as readonly string[], e).toContain(e);
      for (const e of AUDIT_ENTITIES) expect(t(`audit.entities.${e}`), e).not.toBe(`audit.entities.${e}`);
    }
    // An action nobody listed still reads as words.
    expect(actionPhrase("violation.archive", "violation", zh)).toBe("归档了违法记录");
    expect(actionPhrase("thing.frobnicate", "thing", en)).toBe("handled a record");
  });

  it("translates the roles of sign-in rows and the system", () => {
    const failed = describeAudit(
      {
        actorName: "nobody",
        actorRole: "ANONYMOUS",
        action: "auth.login_failed",
        entity: "user",
        after: { reason: "unknown_user" },
      },
      { t: zh, locale: "zh" },
    );
    expect(failed.role).toBe("未登录用户");
    expect(failed.changes).toEqual([{ field: "原因", after: "用户名不存在" }]);
    const seed = describeAudit(
      { actorName: "seed", actorRole: "SYSTEM", action: "seed.run", entity: "database", after: { phase: "base" } },
      { t: zh, locale: "zh" },
    );
    expect(seed.sentence).toBe("系统 载入了演示数据");
    expect(seed.changes).toEqual([]);
  });

  it("writes IP addresses as people do", () => {
    expect(formatIp("::ffff:10.2.3.4")).toBe("10.2.3.4");
    expect(formatIp("192.168.1.9")).toBe("192.168.1.9");
    expect(formatIp("2001:db8::1")).toBe("2001:db8::1");
    expect(formatIp(null)).toBeNull();
  });
});
