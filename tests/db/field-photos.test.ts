/**
 * Evidence photos: checked from their bytes (size, type, pixels), at most four per record,
 * a resent upload stored once, read only within the record's scope and never cached.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getPhoto } from "@/app/api/v1/photos/[id]/route";
import { GET as listViolationPhotos, POST as postViolationPhoto } from "@/app/api/v1/violations/[id]/photos/route";
import { POST as postAccidentPhoto } from "@/app/api/v1/accidents/[id]/photos/route";
import { POST as postAccident } from "@/app/api/v1/accidents/route";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { addPhoto, listPhotos, readPhoto } from "@/lib/field/photos";
import { createViolation } from "@/lib/violations/create-violation";
import type { SessionUser } from "@/lib/auth/actor";
import { actorFor } from "../setup/actors";
import { call } from "../setup/api";
import { error } from "../setup/duty-fixtures";
import { pngOf } from "../setup/images";
import { ensureCatalogue, makeToken, ZHENYUAN } from "../setup/records";

let officer: SessionUser;
let aux: SessionUser;
let violationId: string;
let camera: string;

beforeAll(async () => {
  await ensureCatalogue();
  [officer, aux] = await Promise.all([actorFor("zy-officer"), actorFor("zy-aux")]);
  const { record } = await createViolation({
    actor: officer,
    input: {
      occurredAt: new Date(Date.now() - 3600_000),
      ...ZHENYUAN,
      type: "illegal_parking",
      source: "onsite",
      licenceSeized: false,
      plate: "贵H12345",
    },
  });
  violationId = record.id;
  camera = await makeToken("522625", ["accident.create", "accident.view", "violation.view"], "camera");
});

const photoCount = () => db.recordPhoto.count();

describe("evidence photos", () => {
  it("stores a photo once per content, at most four per record, with an audit row", async () => {
    const input = { kind: "violation" as const, recordId: violationId, bytes: pngOf(1200, 900, 1) };
    const a = await addPhoto({ actor: officer, input });
    expect(a.replayed).toBe(false);
    expect(a.photo).toMatchObject({ contentType: "image/png", width: 1200, height: 900 });
    const again = await addPhoto({ actor: officer, input });
    expect([again.replayed, again.photo.id]).toEqual([true, a.photo.id]);
    for (const seed of [2, 3, 4]) await addPhoto({ actor: officer, input: { ...input, bytes: pngOf(800, 600, seed) } });
    const fifth = await error(addPhoto({ actor: officer, input: { ...input, bytes: pngOf(800, 600, 5) } }));
    expect([fifth.code, fifth.message]).toEqual(["CONFLICT", "field.photo.tooMany"]);
    expect(await listPhotos({ actor: officer, input: { kind: "violation", recordId: violationId } })).toHaveLength(4);
    expect(
      await db.auditLog.count({ where: { entity: "violation", entityId: violationId, action: "photo.add" } }),
    ).toBe(4);
  });

  it("refuses a 20 MB file, a non-image named .jpg and a 10,000 × 10,000 px image, storing nothing", async () => {
    const before = await photoCount();
    const big = Buffer.alloc(20 * 1024 * 1024, 1);
    const r1 = await call(postViolationPhoto, {
      token: camera,
      rawBody: "x",
      params: { id: violationId },
    });
    expect(r1.status).toBe(403); // the camera token may not add violation photos
    const tooLarge = await error(
      addPhoto({ actor: officer, input: { kind: "violation", recordId: violationId, bytes: big } }),
    );
    expect([tooLarge.code, tooLarge.message]).toEqual(["PAYLOAD_TOO_LARGE", "field.photo.tooLarge"]);
    const text = new TextEncoder().encode("this is a text file named evidence.jpg, not a picture\n".repeat(100));
    const notImage = await error(
      addPhoto({ actor: officer, input: { kind: "violation", recordId: violationId, bytes: text } }),
    );
    expect([notImage.code, notImage.fields?.[0]]).toEqual([
      "INVALID",
      { path: "photo", message: "field.photo.notImage" },
    ]);
    const bomb = pngOf(10_000, 10_000);
    expect(bomb.length).toBeLessThan(100_000);
    const pixels = await error(
      addPhoto({ actor: officer, input: { kind: "violation", recordId: violationId, bytes: bomb } }),
    );
    expect(pixels.fields?.[0].message).toBe("field.photo.tooManyPixels");
    // A JPEG header that lies about nothing but is cut short is not an image either.
    const cut = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
    expect(
      (await error(addPhoto({ actor: officer, input: { kind: "violation", recordId: violationId, bytes: cut } })))
        .fields?.[0].message,
    ).toBe("field.photo.notImage");
    expect(await photoCount()).toBe(before);
  });

  it("over HTTP: 413 for an announced or streamed oversize body, 422 with the field message, 201 then 200", async () => {
    const token = await makeToken("522625", ["accident.create", "accident.view"], "scene camera");
    const made = await call(postAccident, {
      token,
      body: { occurredAt: new Date(Date.now() - 600_000).toISOString(), ...ZHENYUAN, handling: "quick" },
    });
    expect(made.status).toBe(201);
    const record = made.body as { id: string };
    const big = await call(postAccidentPhoto, {
      token,
      rawBody: "a".repeat(9 * 1024 * 1024),
      contentType: "image/jpeg",
      params: { id: record.id },
    });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/too large/i);
    const bad = await call(postAccidentPhoto, {
      token,
      rawBody: "not an image",
      contentType: "image/jpeg",
      params: { id: record.id },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0]).toMatchObject({ path: "photo", key: "field.photo.notImage" });
    expect(await db.recordPhoto.count({ where: { recordId: record.id } })).toBe(0);
    const good = { token, rawBody: undefined, contentType: "image/png", params: { id: record.id } };
    const png = pngOf(640, 480, 7);
    const post = () =>
      postAccidentPhoto(
        new NextRequest(`http://localhost/api/v1/accidents/${record.id}/photos`, {
          method: "POST",
          headers: { authorization: `Bearer ${good.token}`, "content-type": good.contentType },
          body: new Uint8Array(png),
        }),
        { params: Promise.resolve(good.params) },
      );
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(200);
    expect(await db.recordPhoto.count({ where: { recordId: record.id } })).toBe(1);
  });

  it("is read only within the record's scope and never cached; an auxiliary may not add to another's record", async () => {
    const [first] = await listPhotos({ actor: officer, input: { kind: "violation", recordId: violationId } });
    const commander = await actorFor("zy-commander");
    const p = await readPhoto({ actor: commander, input: { id: first.id } });
    expect(p.contentType).toBe("image/png");
    const yj = await actorFor("yj-commander");
    expect((await error(readPhoto({ actor: yj, input: { id: first.id } }))).code).toBe("NOT_FOUND");
    expect((await error(listPhotos({ actor: yj, input: { kind: "violation", recordId: violationId } }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await error(readPhoto({ actor: await actorFor("zy-clerk"), input: { id: first.id } }))).code).toBe(
      "FORBIDDEN",
    );
    expect(
      (
        await error(
          addPhoto({ actor: aux, input: { kind: "violation", recordId: violationId, bytes: pngOf(10, 10, 9) } }),
        )
      ).code,
    ).toBe("FORBIDDEN");

    const yjToken = await makeToken("520626", ["violation.view"], "yinjiang reader");
    const zyToken = await makeToken("522625", ["violation.view"], "zhenyuan reader");
    expect((await call(getPhoto, { token: yjToken, params: { id: first.id } })).status).toBe(404);
    expect((await call(listViolationPhotos, { token: yjToken, params: { id: violationId } })).status).toBe(404);
    const req = await call(getPhoto, { token: zyToken, params: { id: first.id } });
    expect(req.status).toBe(200);
    const raw = await getPhoto(
      new NextRequest(`http://localhost/api/v1/photos/${first.id}`, {
        headers: { authorization: `Bearer ${zyToken}` },
      }),
      { params: Promise.resolve({ id: first.id }) },
    );
    expect(raw.headers.get("cache-control")).toBe("private, no-store");
    expect(raw.headers.get("content-type")).toBe("image/png");
    expect((await call(getPhoto, { token: zyToken, params: { id: "nope" } })).status).toBe(404);
  });
});
