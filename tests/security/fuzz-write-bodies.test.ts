/**
 * Issue 13: property-based fuzzing (fast-check) of every write endpoint's input. The write
 * endpoints are the route matrix's (generated from app/**\/route.ts): every POST, PUT and
 * PATCH with a JSON body. Each gets generated bodies — any JSON value, text that is not JSON,
 * and (mostly) its valid body with fields dropped, replaced by hostile values or added — sent
 * by the right role on its own unit's data. Every answer must be an acceptance (2xx) or a
 * refusal: 422 with a message per field, or 403/404/409/413 — never a 5xx — and a refusal
 * writes nothing: no audit row and no row in the endpoint's table (checked after every
 * refused body), and no row anywhere else (every table counted before and after each
 * endpoint's run, compared when nothing was accepted).
 *
 * 10,000 bodies in all (FUZZ_RUNS to change it); edits and steps, which accept most objects and
 * so cost a transaction per body, get 40 each, the other endpoints share the rest.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Permission } from "@/lib/auth/permissions";
import { pgPool } from "@/lib/db-pool";
import { allCounts, fx, makeFixtures, MATRIX, rightRole, send, ZY_USER, type Entry } from "./route-matrix";

vi.mock("@/lib/auth/session", async (orig) => (await import("../setup/session-mock")).sessionMock(await orig()));

const TOTAL = Number(process.env.FUZZ_RUNS) || 10_000;

/** Writes with a JSON body (imports and photos take CSV and image bytes: tests/security/input-limits.test.ts). */
const ENDPOINTS = Object.keys(MATRIX)
  .filter((k) => /^(POST|PUT|PATCH) /.test(k))
  .filter((k) => {
    const e = MATRIX[k];
    return Array.isArray(e.perm) || e.perm === "signed-in";
  })
  .filter((k) => !k.endsWith("/photos") && !k.startsWith("POST /api/v1/import/"))
  .sort();

/** The table each endpoint writes (its rows are counted after every refused body). */
const TABLE: [RegExp, string][] = [
  [/violations\/\[id\]\/appeal|appeals/, "appeals"],
  [/violation-types/, "violation_types"],
  [/violations/, "violations"],
  [/accidents/, "accidents"],
  [/black-spots|hazards/, "hazards"],
  [/operations/, "operations"],
  [/enterprises/, "transport_enterprises"],
  [/key-drivers/, "key_drivers"],
  [/key-vehicles/, "key_vehicles"],
  [/supervision-actions|supervision-findings\/\[id\]\/close/, "supervision_actions"],
  [/supervision-findings/, "supervision_findings"],
  [/units/, "units"],
  [/grids/, "grids"],
  [/segments/, "road_segments"],
  [/must-reach-points/, "must_reach_points"],
  [/duty\/settings/, "duty_settings"],
  [/check-ins/, "point_check_ins"],
  [/beats/, "beats"],
  [/positions/, "positions"],
  [/sos/, "sos_alerts"],
  [/incidents\/\[id\]\/dispatch/, "incident_dispatches"],
  [/incidents/, "incidents"],
  [/service-points/, "window_service_points"],
  [/outreach-trips/, "window_outreach_trips"],
  [/evaluation/, "window_evaluations"],
  [/tickets/, "window_tickets"],
  [/transactions/, "window_transactions"],
];
const HEAVY = /^PATCH |\/(accept|arrive|handle|caller|cancel|acknowledge|resolve|screen|close)$/;
const tableOf = (key: string) => TABLE.find(([re]) => re.test(key))?.[1];

/** Audit rows and the endpoint's rows (a plain pg client: this runs after every body). */
async function counts(table: string): Promise<[number, number]> {
  const { rows } = await pgPool().query<{ a: number; n: number }>(
    `SELECT (SELECT count(*)::int FROM audit_logs) AS a, (SELECT count(*)::int FROM "${table}") AS n`,
  );
  return [rows[0].a, rows[0].n];
}

// Values an attacker or a broken client sends.
const hostile = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "Infinity",
    "2026-02-30",
    "2999-01-01T00:00:00Z",
    "1900-01-01",
    "00000000-0000-0000-0000-000000000000",
    "not-a-uuid",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%_%",
    "522625%",
    "\u202e\u0000x",
    "x".repeat(5000),
    "9".repeat(400),
    -1,
    0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    3.5,
    true,
    false,
    null,
    [],
    {},
    [null],
    { $gt: "" },
    JSON.parse('{"__proto__": {"admin": true}}'),
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

function bodies(base: unknown): fc.Arbitrary<{ json?: unknown; text?: string }> {
  const obj = base && typeof base === "object" && !Array.isArray(base) ? (base as Record<string, unknown>) : {};
  const keys = Object.keys(obj);
  const mutated = fc
    .tuple(
      fc.subarray(keys),
      fc.dictionary(fc.constantFrom(...keys, "id", "unitCode", "unitPath", "__proto__", "constructor"), hostile, {
        minKeys: 1,
        maxKeys: 3,
      }),
    )
    .map(([drop, set]) => {
      const out: Record<string, unknown> = { ...obj };
      for (const k of drop) delete out[k];
      return { json: Object.assign(out, set) };
    });
  return fc.oneof(
    { weight: 4, arbitrary: mutated },
    { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text) => ({ text })) },
  );
}

const tally = { bodies: 0, accepted: 0, refused: 0, byStatus: {} as Record<number, number> };
let started = 0;
const perEndpoint: string[] = [];
const timing = { send: 0, count: 0 };

beforeAll(async () => {
  await makeFixtures();
  started = Date.now();
}, 240_000);

describe(`fuzzing ${TOTAL} bodies over the write endpoints`, () => {
  // Edits and steps accept most objects (unknown keys are dropped, every field optional), and an
  // accepted body is a whole transaction: they get fewer bodies, the refusing creates the rest.
  const heavy = ENDPOINTS.filter((k) => HEAVY.test(k));
  const heavyRuns = Math.min(40, Math.floor(TOTAL / ENDPOINTS.length));
  const lightRuns = Math.ceil((TOTAL - heavy.length * heavyRuns) / (ENDPOINTS.length - heavy.length));

  it("covers every write endpoint with a JSON body", () => {
    expect(ENDPOINTS.length).toBeGreaterThan(40);
    for (const k of ENDPOINTS) expect(tableOf(k), `${k} has no table`).toBeTruthy();
  });

  it.each(ENDPOINTS)("%s: never a 5xx, 422 names the fields, a refusal writes nothing", async (key) => {
    const e = MATRIX[key] as Entry & { perm: Permission[] | "signed-in" };
    const base = e.req?.(fx.zy, "zy") ?? {};
    const user = e.user ?? ZY_USER[rightRole(e)];
    const table = tableOf(key)!;
    const runs = HEAVY.test(key) ? heavyRuns : lightRuns;
    const before = await allCounts();
    const t0 = Date.now();
    let last = await counts(table);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(bodies(base.body), async ({ json, text }) => {
        const t1 = performance.now();
        const res = await send(key, user, {
          params: base.params,
          query: base.query,
          ...(text !== undefined ? { raw: Buffer.from(text), contentType: "application/json" } : { body: json }),
        });
        tally.bodies++;
        tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
        expect(res.status, res.text).toBeLessThan(500);
        timing.send += performance.now() - t1;
        if (res.status < 300) {
          accepted++;
          tally.accepted++;
          last = await counts(table);
          return;
        }
        tally.refused++;
        expect([403, 404, 409, 413, 422], res.text).toContain(res.status);
        if (res.status === 422) {
          const fields = JSON.parse(res.text).error.fields as { path: string; message: string }[];
          expect(fields.length, res.text).toBeGreaterThan(0);
          for (const f of fields) expect(f.message, res.text).toMatch(/\S/);
        }
        const t2 = performance.now();
        expect(await counts(table), `${res.status} ${res.text}`).toEqual(last);
        timing.count += performance.now() - t2;
      }),
      { numRuns: runs },
    );
    if (accepted === 0) expect(await allCounts()).toEqual(before);
    perEndpoint.push(`${key} ${accepted}/${runs} ${Date.now() - t0}ms`);
  });

  it("reaches the total", () => {
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `fuzz: ${tally.bodies} bodies over ${ENDPOINTS.length} endpoints in ${seconds.toFixed(1)} s: ` +
        `${tally.accepted} accepted, ${tally.refused} refused, by status ${JSON.stringify(tally.byStatus)}`,
    );
    if (process.env.FUZZ_VERBOSE)
      console.log(perEndpoint.join("\n"), `\nsend ${timing.send.toFixed(0)} ms, count ${timing.count.toFixed(0)} ms`);
    expect(tally.bodies).toBeGreaterThanOrEqual(TOTAL);
  });
});
