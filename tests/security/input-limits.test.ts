/**
 * Issue 13, findings 8 and 10: every input is bounded. Import bodies are capped in bytes
 * and rows (413, clear message), a line without a newline or a quote never closed is not
 * buffered without end, an over-long field rejects its row; JSON bodies are capped before
 * they are read; a crafted ?cursor= is a 422, not a 500; NUL characters are refused.
 */
import { Readable } from "node:stream";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as postImport } from "@/app/api/v1/import/[kind]/route";
import { GET as listAccidents } from "@/app/api/v1/accidents/route";
import { GET as listFindings } from "@/app/api/v1/supervision-findings/route";
import { GET as listHazards } from "@/app/api/v1/hazards/route";
import { GET as listKeyVehicles } from "@/app/api/v1/key-vehicles/route";
import { GET as listTx } from "@/app/api/v1/window/transactions/route";
import { GET as listViolations, POST as postViolation } from "@/app/api/v1/violations/route";
import { GET as listOperations } from "@/app/api/v1/operations/route";
import { db } from "@/lib/db";
import { parseRows } from "@/lib/import/parse-rows";
import { encodeCursor } from "@/lib/pagination";
import { call } from "../setup/api";
import { ensureCatalogue, makeToken, ZHENYUAN } from "../setup/records";
import { seedWindowData } from "../db/window-helpers";

let token: string;
beforeAll(async () => {
  await ensureCatalogue();
  await seedWindowData();
  token = await makeToken("522625", [
    "violation.create",
    "violation.view",
    "records.import",
    "accident.view",
    "hazard.view",
    "keyvehicle.view",
    "window.view",
    "operation.view",
  ]);
});
afterEach(() => {
  for (const k of [
    "IMPORT_MAX_BYTES",
    "IMPORT_MAX_ROWS",
    "IMPORT_MAX_LINE_CHARS",
    "IMPORT_MAX_FIELD_CHARS",
    "JSON_MAX_BYTES",
  ])
    delete process.env[k];
});

const HEADER = "occurredAt,lat,lng,type,plate,plateColor,vehicleType,externalRef\n";
const row = (i: number, plate = `贵H${String(10000 + i)}`) =>
  `2026-02-0${1 + (i % 9)}T08:00:00+08:00,${ZHENYUAN.lat},${ZHENYUAN.lng},illegal_parking,${plate},blue,small_car,LIM-${i}\n`;
const imported = () => db.violation.count({ where: { externalRef: { startsWith: "LIM-" } } });

async function importCsv(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return call(postImport, {
    token,
    params: { kind: "violations" },
    path: "/api/v1/import/violations",
    rawBody: body,
    contentType: "text/csv",
    headers,
  });
}

/** A body streamed in pieces with no Content-Length (chunked). */
function streamed(parts: () => Generator<string>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const it = parts();
  return new ReadableStream({
    pull(c) {
      const n = it.next();
      if (n.done) c.close();
      else c.enqueue(enc.encode(n.value));
    },
  });
}

describe("import limits", () => {
  it("a body over IMPORT_MAX_BYTES is refused with 413 and a clear message", async () => {
    process.env.IMPORT_MAX_BYTES = "2000";
    const big = HEADER + Array.from({ length: 40 }, (_, i) => row(i)).join("");
    const r = await importCsv(big);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(r.body.error.message).toMatch(/^The file is larger than the [\d.]+ MB limit: split it/);
    expect(r.body.error.details).toMatchObject({ reason: "bytes" });
    expect(await imported()).toBe(0);
  });

  it("past IMPORT_MAX_ROWS the import stops with 413", async () => {
    process.env.IMPORT_MAX_ROWS = "5";
    const r = await importCsv(HEADER + Array.from({ length: 8 }, (_, i) => row(i)).join(""));
    expect(r.status).toBe(413);
    expect(r.body.error.message).toContain("more than 5 rows");
  });

  it("a line that never ends, or a quote never closed, stops at the line cap instead of filling memory", async () => {
    process.env.IMPORT_MAX_LINE_CHARS = "10000";
    let sent = 0;
    const endless = streamed(function* () {
      yield HEADER;
      for (let i = 0; i < 10_000; i++) {
        sent += 1000;
        yield "x".repeat(1000); // 10 MB on one line, if it were all read
      }
    });
    const r = await importCsv(endless);
    expect(r.status).toBe(413);
    expect(r.body.error.message).toMatch(/Line 2 is longer than 10000 characters/);
    expect(sent).toBeLessThan(200_000);

    sent = 0;
    const openQuote = streamed(function* () {
      yield HEADER + `2026-02-01T08:00:00+08:00,27,108,"illegal_parking`;
      for (let i = 0; i < 10_000; i++) {
        sent += 1000;
        yield "\n" + "y".repeat(999);
      }
    });
    const q = await importCsv(openQuote);
    expect(q.status).toBe(413);
    expect(q.body.error.details).toMatchObject({ reason: "line", line: 2 });
    expect(sent).toBeLessThan(200_000);
  });

  it("an over-long field (or a NUL) makes its row an error; the other rows are imported", async () => {
    process.env.IMPORT_MAX_FIELD_CHARS = "100";
    const long = row(1).replace("LIM-1", "LIM-1-" + "z".repeat(200));
    const nul = row(2).replace("LIM-2", "LIM-\u00002");
    const r = await importCsv(HEADER + row(0) + long + nul);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ received: 3, created: 1, rejected: 2 });
    expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(["externalRef", "externalRef"]);
  });

  it("the parser alone: NDJSON lines are capped too", async () => {
    const rows = parseRows(Readable.from(['{"a":"' + "q".repeat(50_000)]), "ndjson", {
      maxBytes: 1e9,
      maxRows: 10,
      maxLineChars: 1000,
      maxFieldChars: 100,
    });
    await expect(rows.next()).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("JSON bodies", () => {
  it("a body over JSON_MAX_BYTES is refused with 413 before it is read, streamed or not; nothing written", async () => {
    process.env.JSON_MAX_BYTES = "10000";
    const before = await db.violation.count();
    const body = {
      occurredAt: "2026-03-01T09:30:00+08:00",
      ...ZHENYUAN,
      type: "illegal_parking",
      notes: "n".repeat(20_000),
    };
    const r = await call(postViolation, { token, body });
    expect(r.status).toBe(413);
    let sent = 0;
    const chunked = streamed(function* () {
      yield '{"notes":"';
      for (let i = 0; i < 100_000; i++) {
        sent += 1000;
        yield "n".repeat(1000);
      }
      yield '"}';
    });
    const c = await call(postViolation, { token, rawBody: chunked });
    expect(c.status).toBe(413);
    expect(sent).toBeLessThan(100_000);
    expect(await db.violation.count()).toBe(before);
  });

  it("a NUL character in a JSON body or a query string is a 422 naming the field", async () => {
    const r = await call(postViolation, {
      token,
      body: { occurredAt: "2026-03-01T09:30:00+08:00", ...ZHENYUAN, type: "illegal_parking", notes: "a\u0000b" },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.fields).toEqual([{ path: "notes", key: "validation.nul", message: expect.any(String) }]);
    const q = await call(listViolations, { token, path: "/api/v1/violations?plate=%00" });
    expect(q.status).toBe(422);
  });
});

describe("crafted cursors answer 422, never 500", () => {
  const uuid = "0190a0a0-0000-7000-8000-000000000000";
  const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const crafted = [
    "not-base64!!",
    raw("just a string"),
    raw([1, 2, 3]),
    raw(["2026-01-01T00:00:00Z", "not-a-uuid"]),
    raw(["a\u0000b", uuid]),
    raw([{ x: 1 }, uuid]),
    "A".repeat(5000),
  ];
  // Lists sorted by a time also refuse a sort value that is not an instant PostgreSQL can hold.
  const craftedTimes = [raw(["not a date", uuid]), raw(["-271821-04-20T00:00:00Z", uuid]), raw([1e308, uuid])];
  const lists = [
    ["violations", listViolations, "/api/v1/violations"],
    ["accidents", listAccidents, "/api/v1/accidents"],
    ["hazards", listHazards, "/api/v1/hazards"],
    ["operations", listOperations, "/api/v1/operations"],
    ["key vehicles", listKeyVehicles, "/api/v1/key-vehicles"],
    ["window transactions", listTx, "/api/v1/window/transactions"],
  ] as const;

  for (const [name, handler, path] of lists) {
    it(name, async () => {
      for (const c of name === "key vehicles" ? crafted : [...crafted, ...craftedTimes]) {
        const r = await call(handler as never, { token, path: `${path}?cursor=${encodeURIComponent(c)}` });
        expect([r.status, c]).toEqual([422, c]);
      }
      // A cursor the server made still works.
      const ok = await call(handler as never, {
        token,
        path: `${path}?cursor=${encodeCursor(name === "key vehicles" ? "贵H" : new Date(), uuid)}`,
      });
      expect(ok.status).toBe(200);
    });
  }

  it("supervision findings", async () => {
    for (const c of [...crafted, ...craftedTimes]) {
      const r = await call(listFindings, {
        token,
        path: `/api/v1/supervision-findings?cursor=${encodeURIComponent(c)}`,
      });
      expect([r.status, c]).toEqual([422, c]);
    }
  });
});
