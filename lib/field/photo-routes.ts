import "server-only";
/**
 * The photo endpoints, one factory for the three record kinds (their route files are two
 * lines each):
 *   POST /api/v1/{violations|accidents|hazards}/{id}/photos  body: the image bytes
 *        (Content-Type image/jpeg|png|webp; optional X-Taken-At: ISO time) → 201, 200 on a replay
 *   GET  /api/v1/{violations|accidents|hazards}/{id}/photos  → { items: [metadata] }
 *   GET  /api/v1/photos/{id}                                 → the image, never cached
 */
import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { MAX_PHOTO_BYTES, PHOTO_KINDS, type PhotoKind } from "./photo-rules";
import { addPhoto, listPhotos, readPhoto } from "./photos";
import { json } from "@/lib/api/respond";
import { idOrNotFound } from "@/lib/validation";
import { parseLocalInstant } from "@/lib/time";

/** The body up to `max` bytes; 413 as soon as it is longer (announced or not). */
async function readBytes(req: Request, max: number): Promise<Uint8Array> {
  const announced = Number(req.headers.get("content-length") ?? 0);
  if (announced > max) throw new AppError("PAYLOAD_TOO_LARGE", "field.photo.tooLarge");
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", "field.photo.tooLarge");
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function photoRoutes(kind: PhotoKind) {
  const perms = PHOTO_KINDS[kind];
  return {
    POST: apiRoute<{ id: string }>({ permission: perms.add }, async ({ actor, req, params }) => {
      const id = idOrNotFound(params.id, kind);
      const bytes = await readBytes(req, MAX_PHOTO_BYTES);
      const takenAt = req.headers.get("x-taken-at");
      const { photo, replayed } = await addPhoto({
        actor,
        input: { kind, recordId: id, bytes, takenAt: takenAt ? parseLocalInstant(takenAt) : null },
      });
      return json(photo, replayed ? 200 : 201);
    }),
    GET: apiRoute<{ id: string }>({ permission: perms.view }, async ({ actor, params }) => ({
      items: await listPhotos({ actor, input: { kind, recordId: idOrNotFound(params.id, kind) } }),
    })),
  };
}

/** GET /api/v1/photos/{id}: private to those who may read the record, never stored by a cache. */
export const photoFileRoute = apiRoute<{ id: string }>({}, async ({ actor, params }) => {
  const p = await readPhoto({ actor, input: { id: idOrNotFound(params.id, "photo") } });
  return new Response(p.data as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": p.contentType,
      "content-length": String(p.data.length),
      "cache-control": "private, no-store",
      "content-disposition": "inline",
      etag: `"${p.sha256}"`,
    },
  });
});
