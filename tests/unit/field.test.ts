/**
 * The field app's logic without a browser: which fixes are kept, the catalogue search,
 * photo checks from the bytes, and the outbox's sync loop against a scripted server
 * (IndexedDB from fake-indexeddb): refused items hold back nothing, lost answers and
 * server errors never double a record, an ended session pauses everything.
 */
import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { keepFix } from "@/lib/field/fix-filter";
import { enqueue } from "@/lib/field/outbox";
import { inspectImage } from "@/lib/field/photo-rules";
import { fieldDb, getItem, listItems, peekFixes, queueFixes } from "@/lib/field/store";
import { nextAttemptDelay, resend, syncNow } from "@/lib/field/sync";
import { searchTypes } from "@/lib/field/type-search";
import type { FieldType } from "@/lib/field/types";
import { pngOf } from "../setup/images";

describe("keepFix", () => {
  const at = (s: number, lat = 27.05) => ({ at: s * 1000, lat, lng: 108.43, accuracyM: 5 });
  it("keeps one about every 30 s or 50 m, never two within 10 s", () => {
    expect(keepFix(null, at(0))).toBe(true);
    expect(keepFix(at(0), at(5, 27.06))).toBe(false); // 1 km away but only 5 s later
    expect(keepFix(at(0), at(15))).toBe(false); // not moved, 15 s
    expect(keepFix(at(0), at(15, 27.0506))).toBe(true); // 67 m moved
    expect(keepFix(at(0), at(30))).toBe(true);
    expect(keepFix(at(0), at(12), true)).toBe(true); // status changed
  });
});

describe("searchTypes", () => {
  const t = (key: string, nameZh: string, initials: string, nameEn = key) =>
    ({ key, nameZh, nameEn, initials }) as FieldType;
  const types = [
    t("speeding", "超速行驶", "csxs", "Speeding"),
    t("illegal_parking", "违法停车", "wftc", "Illegal parking"),
  ];
  it("finds by pinyin initials, Chinese name and English name", () => {
    expect(searchTypes(types, "wftc").map((x) => x.key)).toEqual(["illegal_parking"]);
    expect(searchTypes(types, "WF").map((x) => x.key)).toEqual(["illegal_parking"]);
    expect(searchTypes(types, "超速").map((x) => x.key)).toEqual(["speeding"]);
    expect(searchTypes(types, "parking").map((x) => x.key)).toEqual(["illegal_parking"]);
    expect(searchTypes(types, "")).toHaveLength(2);
  });
});

describe("inspectImage", () => {
  it("reads type and size from the header and refuses what it must", () => {
    expect(inspectImage(pngOf(100, 50))).toEqual({ ok: true, type: "image/png", width: 100, height: 50 });
    expect(inspectImage(pngOf(10_000, 10_000))).toEqual({ ok: false, problem: "field.photo.tooManyPixels" });
    expect(inspectImage(new TextEncoder().encode("hello.jpg"))).toEqual({ ok: false, problem: "field.photo.notImage" });
    expect(inspectImage(pngOf(10, 10), { size: 20 * 1024 * 1024, maxBytes: 15 * 1024 * 1024 })).toEqual({
      ok: false,
      problem: "field.photo.tooLarge",
    });
  });
});

/** A scripted server: records by externalRef (replays return the same id), with hooks to fail. */
function server() {
  const records = new Map<string, { id: string; body: Record<string, unknown> }>();
  const photos = new Set<string>();
  const fixes: unknown[] = [];
  const s = {
    records,
    photos,
    fixes,
    signedOut: false,
    down: false,
    loseAnswerOnce: new Set<string>(),
    refuse: (b: Record<string, unknown>) => Number(b.fineYuan) > 200,
    fetch: (async (url: string, init: RequestInit) => {
      if (s.down) throw new TypeError("Failed to fetch");
      if (s.signedOut) return new Response(JSON.stringify({ error: { code: "UNAUTHENTICATED" } }), { status: 401 });
      if (url === "/api/v1/positions") {
        fixes.push(...JSON.parse(String(init.body)).fixes);
        return Response.json({ stored: 1, rejected: [] });
      }
      const m = /^\/api\/v1\/(\w+)\/([^/]+)\/photos$/.exec(url);
      if (m) {
        photos.add(`${m[2]}:${(init.body as Blob).size}`);
        return Response.json({ id: "p" }, { status: 201 });
      }
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      if (s.refuse(body))
        return Response.json(
          {
            error: {
              code: "INVALID",
              message: "invalid input",
              fields: [{ path: "fineYuan", message: "x", key: "records.validation.fineRange" }],
            },
          },
          { status: 422 },
        );
      const ref = String(body.externalRef);
      const prior = records.get(ref);
      const rec = prior ?? { id: `r${records.size + 1}`, body };
      records.set(ref, rec);
      if (s.loseAnswerOnce.delete(ref)) throw new TypeError("connection reset");
      return Response.json({ id: rec.id }, { status: prior ? 200 : 201 });
    }) as unknown as typeof fetch,
  };
  return s;
}

describe("the outbox sync loop", () => {
  beforeEach(async () => {
    const db = await fieldDb();
    await db.clear("items");
    await db.clear("fixes");
  });
  const capture = (fine: number, photos = 1) =>
    enqueue({
      userId: "u1",
      kind: "violation",
      body: { type: "illegal_parking", fineYuan: fine, occurredAt: "2026-12-01T09:00:00+08:00" },
      summary: `fine ${fine}`,
      photos: Array.from({ length: photos }, (_, i) => ({
        id: `ph${i}`,
        blob: new Blob([new Uint8Array(10 + i)], { type: "image/jpeg" }),
        width: 10,
        height: 10,
      })),
    });

  it("sends everything once, keeps a refused item aside, and resends it fixed under the same id", async () => {
    const srv = server();
    const bad = await capture(300);
    await capture(100, 2);
    await capture(150);
    const r = await syncNow("u1", { fetchImpl: srv.fetch, force: true });
    expect(r).toMatchObject({ sent: 2, refused: 1, needsSignIn: false, offline: false });
    expect(srv.records.size).toBe(2);
    expect(srv.photos.size).toBe(3);
    const items = await listItems("u1");
    const refused = items.find((i) => i.id === bad.id)!;
    expect(refused.status).toBe("refused");
    expect(refused.error?.fields[0].key).toBe("records.validation.fineRange");
    expect(
      items.filter((i) => i.status === "sent").every((i) => i.body === null && i.photos.every((p) => !p.blob)),
    ).toBe(true);
    await resend(refused, { ...refused.body!, fineYuan: 200 }, "fixed");
    await syncNow("u1", { fetchImpl: srv.fetch });
    expect(srv.records.size).toBe(3);
    expect(srv.records.get(bad.id)?.body.fineYuan).toBe(200);
    expect((await listItems("u1")).every((i) => i.status === "sent")).toBe(true);
  });

  it("a lost answer, no network and a server error never double a record", async () => {
    const srv = server();
    const a = await capture(100);
    const b = await capture(120);
    srv.loseAnswerOnce.add(a.id);
    srv.down = false;
    let r = await syncNow("u1", { fetchImpl: srv.fetch, force: true });
    expect(r.offline).toBe(true); // the lost answer looks like no network: the round stops
    // (a and b may share a millisecond, so either may have gone first: a is what matters)
    expect((await listItems("u1")).find((i) => i.id === a.id)?.status).toBe("waiting");
    srv.down = true;
    r = await syncNow("u1", { fetchImpl: srv.fetch, force: true });
    expect(r.offline).toBe(true);
    srv.down = false;
    r = await syncNow("u1", { fetchImpl: srv.fetch, force: true });
    expect(r.offline).toBe(false);
    expect((await listItems("u1")).map((i) => i.status)).toEqual(["sent", "sent"]);
    expect([...srv.records.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(srv.photos.size).toBe(2);
  });

  it("an ended session pauses the outbox and the track, nothing lost; signing in again goes on", async () => {
    const srv = server();
    await capture(100);
    await queueFixes([{ userId: "u1", at: Date.now(), lat: 27, lng: 108, accuracyM: 5, status: "on_patrol" }]);
    srv.signedOut = true;
    const r = await syncNow("u1", { fetchImpl: srv.fetch, force: true });
    expect(r.needsSignIn).toBe(true);
    expect((await listItems("u1"))[0].status).toBe("waiting");
    expect(await peekFixes("u1", 10)).toHaveLength(1);
    srv.signedOut = false;
    expect(await syncNow("u1", { fetchImpl: srv.fetch, force: true })).toMatchObject({ sent: 1, fixesSent: 1 });
    expect(await peekFixes("u1", 10)).toHaveLength(0);
  });

  it("holds only the signed-in person's items", async () => {
    await capture(100);
    expect(await listItems("someone-else")).toEqual([]);
  });

  it("a round with nothing to send does not say the server answered (the phone shows offline until it does)", async () => {
    const srv = server();
    expect(await syncNow("u1", { fetchImpl: srv.fetch })).toMatchObject({ reached: false, offline: false });
    await capture(100, 0);
    expect(await syncNow("u1", { fetchImpl: srv.fetch, force: true })).toMatchObject({ reached: true, sent: 1 });
  });

  it("an SOS raised while a round is stuck on a slow photo upload goes at once, and once", async () => {
    const srv = server();
    let release!: () => void;
    const upload = new Promise<void>((r) => (release = r));
    const sosPosts: string[] = [];
    const slow = (async (url: string, init: RequestInit) => {
      if (url.endsWith("/photos")) await upload; // a slow line: the round waits here
      if (url === "/api/v1/sos") sosPosts.push(String(new Headers(init.headers).get("idempotency-key")));
      return srv.fetch(url, init);
    }) as typeof fetch;
    const capture1 = await capture(100, 1);
    const round = syncNow("u1", { fetchImpl: slow, force: true });
    await vi.waitFor(async () => expect((await getItem(capture1.id))?.status).toBe("sending"));
    const sos = await enqueue({
      userId: "u1",
      kind: "sos",
      body: { lat: 27.05, lng: 108.43, accuracyM: 8, at: new Date().toISOString() },
      summary: "SOS",
    });
    void syncNow("u1", { fetchImpl: slow, force: true });
    // Delivered while the upload still hangs: it did not wait for the round.
    await vi.waitFor(async () => expect((await getItem(sos.id))?.status).toBe("sent"));
    expect(srv.photos.size).toBe(0);
    release();
    expect(await round).toMatchObject({ sent: 1 });
    await syncNow("u1", { fetchImpl: slow, force: true });
    expect(sosPosts).toEqual([sos.id]);
    expect((await listItems("u1")).map((i) => i.status)).toEqual(["sent", "sent"]);
  });

  it("backs off 5 s, 10 s … 5 min; an SOS every 3 s", () => {
    expect(nextAttemptDelay("violation", 1, 0.5)).toBe(10_000);
    expect(nextAttemptDelay("violation", 20, 0.5)).toBe(300_000);
    expect(nextAttemptDelay("sos", 9)).toBe(3000);
  });
});
