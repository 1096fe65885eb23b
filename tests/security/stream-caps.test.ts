/**
 * Issue 13: one person cannot hold the server's connections open through the signed-in live
 * streams. Every route file that answers with `sseResponse` and needs a sign-in (found from
 * the files, so a new stream is covered without anyone adding it) is opened by one person
 * until SSE_MAX_STREAMS_PER_USER: the next one is 429 with a message saying what to do,
 * another person still gets in, and a stream whose client goes away (or that is closed)
 * frees its slot. The cap is the hall board's mechanism (lib/realtime/stream-slots.ts,
 * tested in self-decision.test.ts), per person instead of per unit.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Permission } from "@/lib/auth/permissions";
import { makePerson } from "../setup/sessions";
import { MATRIX, ROOT, rightRole, routeFiles, send, urlOf, ZY_USER, type Entry } from "./route-matrix";

vi.mock("@/lib/auth/session", async (orig) => (await import("../setup/session-mock")).sessionMock(await orig()));
afterEach(() => vi.unstubAllEnvs());

/** "GET /path" of every route file that streams events behind a sign-in. */
const streams = routeFiles()
  .filter((f) => fs.readFileSync(path.join(ROOT, f), "utf8").includes("sseResponse("))
  .map((f) => `GET ${urlOf(f)}`)
  .filter((key) => Array.isArray(MATRIX[key]?.perm) || MATRIX[key]?.perm === "signed-in");

const open: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

/** Opens `key` as `username` and keeps it open until closed (abort: the client goes away). */
async function stream(key: string, username: string) {
  const abort = new AbortController();
  const res = await send(key, username, { signal: abort.signal });
  const s = {
    ...res,
    close: async () => {
      abort.abort();
      await res.body?.cancel().catch(() => {});
    },
  };
  open.push(s);
  return s;
}

const userOf = (key: string) => ZY_USER[rightRole(MATRIX[key] as Entry & { perm: Permission[] })];

describe("signed-in live streams are capped per person", () => {
  it("are found from the route files", () => {
    expect(streams).toEqual(expect.arrayContaining(["GET /api/v1/duty/events", "GET /api/v1/incidents/events"]));
  });

  it.each(streams)("%s: the person's next stream past the cap is 429; others still connect", async (key) => {
    vi.stubEnv("SSE_MAX_STREAMS_PER_USER", "2");
    const user = userOf(key);
    expect((await stream(key, user)).status).toBe(200);
    const second = await stream(key, user);
    expect(second.status).toBe(200);
    const third = await stream(key, user);
    expect(third.status, third.text).toBe(429);
    expect(JSON.parse(third.text).error).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/already have 2 live views open.*close one/),
    });
    const other = await makePerson(rightRole(MATRIX[key] as Entry & { perm: Permission[] }));
    expect((await stream(key, other.username)).status).toBe(200);
    // The client goes away (a tab closed): its slot is free again.
    await second.close();
    await expect
      .poll(async () => {
        const again = await stream(key, user);
        await again.close();
        return again.status;
      })
      .toBe(200);
  });

  it("counts one person's streams over every stream route; the default is 20", async () => {
    const user = "zy-commander";
    const opened = [];
    for (let i = 0; i < 20; i++) opened.push(await stream(streams[i % streams.length], user));
    expect(opened.map((s) => s.status)).toEqual(Array(20).fill(200));
    for (const key of streams) expect((await stream(key, user)).status).toBe(429);
    // A stream the server side closes (its body cancelled) frees its slot too.
    await opened[0].body!.cancel();
    await expect
      .poll(async () => {
        const again = await stream(streams[0], user);
        await again.close();
        return again.status;
      })
      .toBe(200);
  });
});
