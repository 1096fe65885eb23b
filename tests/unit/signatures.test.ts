/**
 * One signature for domain functions (docs/conventions.md): an exported function of lib/**
 * that takes an `actor` takes ONE object, `fn({ actor, input })` (plus `tx`, `id`… inside it).
 *
 * This test reads every file of lib/ with the TypeScript parser and lists the exported
 * functions that take an `actor` among several positional parameters. PRIMITIVES are the
 * building blocks the convention itself names positionally (permission and scope checks,
 * the audit writer), and the only exceptions: a new positional function fails the test, and
 * so does a stale entry of PRIMITIVES, so the list stays exact.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

const PRIMITIVES = new Set([
  "lib/auth/actor.ts:can",
  "lib/auth/actor.ts:assertCan",
  "lib/auth/actor.ts:inScope",
  "lib/auth/actor.ts:assertInScope",
  "lib/audit/write-audit.ts:writeAudit",
  "lib/audit/write-audit.ts:writeAuditPg",
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (rel !== "lib/generated") out.push(...sourceFiles(rel));
    } else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(rel);
  }
  return out.sort();
}

const exported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** "file:name" of every exported function (declaration or const arrow/function) with `actor` among 2+ parameters. */
function positionalActorFunctions(): string[] {
  const out: string[] = [];
  for (const file of sourceFiles("lib")) {
    const src = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
    const check = (name: string, params: ts.NodeArray<ts.ParameterDeclaration>) => {
      if (params.length > 1 && params.some((p) => ts.isIdentifier(p.name) && p.name.text === "actor"))
        out.push(`${file}:${name}`);
    };
    for (const st of src.statements) {
      if (!exported(st)) continue;
      if (ts.isFunctionDeclaration(st) && st.name) check(st.name.text, st.parameters);
      if (ts.isVariableStatement(st))
        for (const d of st.declarationList.declarations)
          if (
            ts.isIdentifier(d.name) &&
            d.initializer &&
            (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))
          )
            check(d.name.text, d.initializer.parameters);
    }
  }
  return out;
}

describe("domain function signatures", () => {
  const found = positionalActorFunctions();

  it("no new exported lib function takes `actor` positionally: fn({ actor, input })", () => {
    const unexpected = found.filter((f) => !PRIMITIVES.has(f));
    expect(unexpected, "take one object: fn({ actor, input })").toEqual([]);
  });

  it("the list of positional primitives is exact (no stale entry)", () => {
    const stale = [...PRIMITIVES].filter((f) => !found.includes(f));
    expect(stale).toEqual([]);
  });
});
