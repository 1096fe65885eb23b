/**
 * What an evidence photo may be, checked from its bytes (never its name) by the phone
 * before it queues a photo and by the server before it stores one: one set of rules.
 * Only the header is read, so a 10,000 × 10,000 px bomb is refused without decoding it.
 */
import { JPG } from "image-size/types/jpg";
import { PNG } from "image-size/types/png";
import { WEBP } from "image-size/types/webp";

export const MAX_PHOTOS_PER_RECORD = 4;
/** Largest upload the server stores (the phone sends ≤ 500 kB; cameras may send more). */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** Largest file the phone accepts from the camera or gallery before downscaling it. */
export const MAX_SOURCE_BYTES = 15 * 1024 * 1024;
/** Longest side and pixel count of an image either side accepts (a 48 MP phone camera: 8000 × 6000). */
export const MAX_SIDE_PX = 8000;
export const MAX_PIXELS = 48_000_000;
/** What the phone downscales to before queueing. */
export const TARGET_SIDE_PX = 1600;
export const TARGET_BYTES = 500 * 1024;

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

const DETECTORS: [PhotoType, typeof JPG][] = [
  ["image/jpeg", JPG],
  ["image/png", PNG],
  ["image/webp", WEBP],
];

/** i18n keys (field.photo.*) of the reasons a photo is refused. */
export type PhotoProblem = "field.photo.tooLarge" | "field.photo.notImage" | "field.photo.tooManyPixels";

export type Inspected =
  { ok: true; type: PhotoType; width: number; height: number } | { ok: false; problem: PhotoProblem };

/**
 * The image's type and size from its first bytes (the whole file, or its first 256 kB with
 * `size` the file's length), or why it is refused.
 */
export function inspectImage(
  bytes: Uint8Array,
  { size = bytes.length, maxBytes = MAX_PHOTO_BYTES }: { size?: number; maxBytes?: number } = {},
): Inspected {
  if (size > maxBytes) return { ok: false, problem: "field.photo.tooLarge" };
  for (const [type, d] of DETECTORS) {
    let size;
    try {
      if (!d.validate(bytes)) continue;
      size = d.calculate(bytes);
    } catch {
      return { ok: false, problem: "field.photo.notImage" };
    }
    const { width, height } = size;
    if (!(width > 0 && height > 0)) return { ok: false, problem: "field.photo.notImage" };
    if (width > MAX_SIDE_PX || height > MAX_SIDE_PX || width * height > MAX_PIXELS)
      return { ok: false, problem: "field.photo.tooManyPixels" };
    return { ok: true, type, width, height };
  }
  return { ok: false, problem: "field.photo.notImage" };
}

/** The record kinds that carry photos, with the permissions to see and to add them. */
export const PHOTO_KINDS = {
  violation: { view: "violation.view", add: "violation.create", edit: "violation.update" },
  accident: { view: "accident.view", add: "accident.create", edit: "accident.update" },
  hazard: { view: "hazard.view", add: "hazard.manage", edit: "hazard.manage" },
} as const;
export type PhotoKind = keyof typeof PHOTO_KINDS;
