import "server-only";
/**
 * Evidence photos (up to four per record) stored in PostgreSQL beside their violation,
 * accident or hazard. Type, size and pixel count are checked from the bytes; the same
 * bytes twice on one record are one photo (a phone resending an upload stores nothing
 * new); a photo is read only by those who may read its record (404 outside scope).
 */
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { assertCan, assertInScope, can, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { lockRow } from "@/lib/records/kernel";
import { inspectImage, MAX_PHOTOS_PER_RECORD, PHOTO_KINDS, type PhotoKind } from "./photo-rules";

interface RecordRef {
  id: string;
  unitId: string;
  unitPath: string;
  brigadeId: string;
  recordedById: string | null;
  recordedByTokenId: string | null;
}

const refSelect = {
  id: true,
  unitId: true,
  unitPath: true,
  brigadeId: true,
  recordedById: true,
  recordedByTokenId: true,
} as const;

async function loadRecord(client: Tx, kind: PhotoKind, id: string): Promise<RecordRef | null> {
  if (kind === "violation") return client.violation.findUnique({ where: { id }, select: refSelect });
  if (kind === "accident") return client.accident.findUnique({ where: { id }, select: refSelect });
  return client.hazard.findUnique({ where: { id }, select: refSelect });
}

/** Locks the record's row, so two uploads to one record count its photos one after the other. */
const lockRecord = (tx: Tx, kind: PhotoKind, id: string) => lockRow(tx, `${kind}s`, id);

async function recordInScope(actor: Actor, kind: PhotoKind, id: string, client: Tx = db): Promise<RecordRef> {
  const rec = await loadRecord(client, kind, id);
  if (!rec) throw new AppError("NOT_FOUND", `${kind} not found`);
  assertInScope(actor, rec.unitPath, kind);
  return rec;
}

const photoMeta = {
  id: true,
  recordKind: true,
  recordId: true,
  contentType: true,
  byteSize: true,
  width: true,
  height: true,
  sha256: true,
  takenAt: true,
  uploadedById: true,
  createdAt: true,
} as const;

export type PhotoMeta = Awaited<ReturnType<typeof listPhotos>>[number];

export interface AddPhotoInput {
  kind: PhotoKind;
  recordId: string;
  bytes: Uint8Array;
  takenAt?: Date | null;
}

/**
 * Adds a photo to a record. Who recorded the record may add photos to it, and whoever may
 * edit such records; at most four per record. Returns the photo's metadata and whether it
 * was already there (a replay).
 */
export async function addPhoto({ actor, input }: { actor: Actor; input: AddPhotoInput }) {
  const perms = PHOTO_KINDS[input.kind];
  assertCan(actor, perms.add);
  const seen = inspectImage(input.bytes);
  if (!seen.ok) {
    if (seen.problem === "field.photo.tooLarge") throw new AppError("PAYLOAD_TOO_LARGE", seen.problem);
    throw new AppError("INVALID", seen.problem, { fields: [{ path: "photo", message: seen.problem }] });
  }
  const rec = await recordInScope(actor, input.kind, input.recordId);
  const own =
    (actor.userId && rec.recordedById === actor.userId) || (actor.tokenId && rec.recordedByTokenId === actor.tokenId);
  if (!own && !can(actor, perms.edit)) throw new AppError("FORBIDDEN", "field.photo.notYours");
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");

  return db.$transaction(async (tx) => {
    await lockRecord(tx, input.kind, rec.id);
    const existing = await tx.recordPhoto.findMany({
      where: { recordKind: input.kind, recordId: rec.id },
      select: photoMeta,
    });
    const same = existing.find((p) => p.sha256 === sha256);
    if (same) return { photo: same, replayed: true };
    if (existing.length >= MAX_PHOTOS_PER_RECORD)
      throw new AppError("CONFLICT", "field.photo.tooMany", {
        fields: [{ path: "photo", message: "field.photo.tooMany" }],
        details: { max: MAX_PHOTOS_PER_RECORD },
      });
    const photo = await tx.recordPhoto.create({
      data: {
        recordKind: input.kind,
        recordId: rec.id,
        unitId: rec.unitId,
        unitPath: rec.unitPath,
        brigadeId: rec.brigadeId,
        contentType: seen.type,
        byteSize: input.bytes.length,
        width: seen.width,
        height: seen.height,
        sha256,
        data: input.bytes as Uint8Array<ArrayBuffer>,
        takenAt: input.takenAt ?? null,
        uploadedById: actor.userId,
        uploadedByTokenId: actor.tokenId,
      },
      select: photoMeta,
    });
    await writeAudit(tx, actor, {
      action: "photo.add",
      entity: input.kind,
      entityId: rec.id,
      after: { photoId: photo.id, contentType: photo.contentType, byteSize: photo.byteSize, sha256 },
      unitId: rec.unitId,
      unitPath: rec.unitPath,
    });
    return { photo, replayed: false };
  });
}

/** The photos of a record (metadata only), oldest first. */
export async function listPhotos({ actor, input }: { actor: Actor; input: { kind: PhotoKind; recordId: string } }) {
  assertCan(actor, PHOTO_KINDS[input.kind].view);
  await recordInScope(actor, input.kind, input.recordId);
  return db.recordPhoto.findMany({
    where: { recordKind: input.kind, recordId: input.recordId },
    select: photoMeta,
    orderBy: { createdAt: "asc" },
  });
}

/** One photo's bytes, for someone who may read its record. */
export async function readPhoto({ actor, input }: { actor: Actor; input: { id: string } }) {
  const p = await db.recordPhoto.findUnique({ where: { id: input.id } });
  if (!p) throw new AppError("NOT_FOUND", "photo not found");
  assertInScope(actor, p.unitPath, "photo");
  assertCan(actor, PHOTO_KINDS[p.recordKind as PhotoKind].view);
  return { contentType: p.contentType, data: p.data, sha256: p.sha256 };
}
