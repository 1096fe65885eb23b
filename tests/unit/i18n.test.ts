import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatNumber, formatPct } from "@/lib/i18n/format";
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
