import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatHourMinute,
  formatNumber,
  formatPct,
  formatTime,
  formatWith,
} from "@/lib/i18n/format";
import { messages } from "@/lib/i18n/messages";
import { issueMessage, makeT, translateMessage, type Dict } from "@/lib/i18n/translate";

function keys(d: Dict, prefix = ""): string[] {
  return Object.entries(d).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}

describe("messages", () => {
  it("English has exactly the keys Chinese has, and no empty strings", () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.zh).sort());
    for (const l of ["zh", "en"] as const)
      for (const k of keys(messages[l])) expect(makeT(messages[l])(k), `${l}:${k}`).not.toBe("");
  });
  it("has every key the code asks for by name (a missing one shows as its key on screen)", () => {
    const root = path.join(import.meta.dirname, "../..");
    const files = (dir: string): string[] =>
      fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = path.join(dir, e.name);
        if (e.isDirectory())
          return rel === path.join("lib", "i18n", "messages") || e.name === "generated" ? [] : files(rel);
        return /\.tsx?$/.test(e.name) ? [rel] : [];
      });
    const have = new Set(keys(messages.zh));
    const missing: string[] = [];
    let used = 0;
    for (const file of ["app", "components", "lib"].flatMap(files))
      for (const m of fs.readFileSync(path.join(root, file), "utf8").matchAll(/\bt\(\s*"([a-z]\w*(?:\.\w+)+)"/g)) {
        used++;
        if (!have.has(m[1])) missing.push(`${m[1]} (${file})`);
      }
    expect(used).toBeGreaterThan(1000);
    expect(missing).toEqual([]);
  });
  it("names the limit for a generic message past it, and keeps a specific one", () => {
    const t = makeT(messages.zh);
    const big = { path: ["x"], code: "too_big", maximum: 90 };
    expect(issueMessage(t, { ...big, origin: "string", message: "validation.tooLong" })).toBe(
      "内容过长（最多 90 个字）",
    );
    expect(issueMessage(t, { ...big, origin: "number", message: "validation.positiveInt" })).toBe("不能大于 90");
    expect(issueMessage(t, { ...big, origin: "number", message: "validation.latitude" })).toBe("纬度超出范围");
  });
  it("fills placeholders and translates message keys", () => {
    const t = makeT(messages.en);
    expect(t("common.showing", { count: 3 })).toBe("3 in all");
    expect(translateMessage(t, "validation.idCard")).toMatch(/ID-card/);
    expect(translateMessage(t, "Something plain.")).toBe("Something plain.");
  });
});

describe("number formats", () => {
  it("uses 万 for large Chinese numbers and signed percentages with two decimals", () => {
    expect(formatNumber(202_700_000, "zh", { compact: true })).toBe("20,270万");
    expect(formatNumber(58_957, "zh", { compact: true })).toBe("58,957");
    expect(formatNumber(58_957, "en")).toBe("58,957");
    expect(formatPct(3.16)).toBe("+3.16%");
    expect(formatPct(-30)).toBe("−30.00%");
    expect(formatPct(0)).toBe("0.00%");
  });
});

describe("cached formatters", () => {
  it("write what toLocaleString writes, and make one Intl formatter per locale and options", () => {
    const dates = [
      new Date("2026-02-03T16:05:09Z"), // 00:05 the next day in China: no "24:05"
      new Date("2019-12-31T23:59:59Z"),
      new Date("2026-12-04T04:00:00.999Z"),
      new Date("2024-02-29T10:00:00Z"),
      new Date(0),
    ];
    for (const d of dates) {
      for (const loc of ["zh", "en"] as const) {
        const tag = loc === "zh" ? "zh-CN" : "en-GB";
        const base = { timeZone: "Asia/Shanghai", hour12: false } as const;
        expect(formatDateTime(d, loc)).toBe(
          d.toLocaleString(tag, {
            ...base,
            year: "numeric",
            month: "2-digit",
            day: "2-digit",
            hour: "2-digit",
            minute: "2-digit",
          }),
        );
        expect(formatTime(d, loc)).toBe(
          d.toLocaleTimeString(tag, { ...base, hour: "2-digit", minute: "2-digit", second: "2-digit" }),
        );
        expect(formatHourMinute(d)).toBe(d.toLocaleTimeString(tag, { ...base, hour: "2-digit", minute: "2-digit" }));
        expect(formatDateTime(d.toISOString(), loc)).toBe(formatDateTime(d, loc));
        expect(formatDate(d, loc)).toBe(
          d.toLocaleDateString(tag, { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }),
        );
      }
    }
    for (const n of [0, 1503, 58957.126, -26.3249, 123456789])
      for (const tag of ["zh-CN", "en-US"])
        expect(formatWith.number(n, tag, { maximumFractionDigits: 2 })).toBe(
          n.toLocaleString(tag, { maximumFractionDigits: 2 }),
        );

    const made: unknown[] = [];
    const Real = Intl.DateTimeFormat;
    const spy = function (this: unknown, ...a: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      made.push(a);
      return new Real(...a);
    } as unknown as typeof Intl.DateTimeFormat;
    Intl.DateTimeFormat = spy;
    try {
      for (let i = 0; i < 200; i++)
        formatWith.date(new Date(i * 86_400_000), "zh-CN", { timeZone: "Asia/Shanghai", month: "long" });
    } finally {
      Intl.DateTimeFormat = Real;
    }
    expect(made).toHaveLength(1);
  });
});
