/**
 * Evidence photos are made small on the phone before they are queued: at most 1600 px on
 * the longest side and 500 kB as JPEG (the quality steps down until it fits). The file is
 * checked from its header first (lib/field/photo-rules.ts), so an oversized or fake
 * picture is refused before anything is decoded. Browser only.
 */
import { inspectImage, MAX_SOURCE_BYTES, TARGET_BYTES, TARGET_SIDE_PX, type PhotoProblem } from "./photo-rules";

export type Downscaled = { ok: true; blob: Blob; width: number; height: number } | { ok: false; problem: PhotoProblem };

export async function downscalePhoto(file: Blob): Promise<Downscaled> {
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const seen = inspectImage(head, { size: file.size, maxBytes: MAX_SOURCE_BYTES });
  if (!seen.ok) return seen;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    return { ok: false, problem: "field.photo.notImage" };
  }
  const scale = Math.min(1, TARGET_SIDE_PX / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.getContext("2d")!.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  let blob: Blob | null = null;
  for (const q of [0.85, 0.75, 0.65, 0.55, 0.45, 0.35]) {
    blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, "image/jpeg", q));
    if (blob && blob.size <= TARGET_BYTES) break;
  }
  if (!blob) return { ok: false, problem: "field.photo.notImage" };
  return { ok: true, blob, width, height };
}
