"use client";
/**
 * Up to four evidence photos from the camera (<input type=file accept=image/* capture>),
 * checked and downscaled on the phone before they are kept (≤ 1600 px, ≤ 500 kB JPEG);
 * a file that is too large, not an image or has too many pixels is refused here with the
 * reason, and nothing of it is kept.
 */
import { useEffect, useMemo, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { downscalePhoto } from "@/lib/field/downscale";
import { MAX_PHOTOS_PER_RECORD } from "@/lib/field/photo-rules";

export interface PickedPhoto {
  id: string;
  blob: Blob;
  width: number;
  height: number;
}

export function PhotoPicker({ photos, onChange }: { photos: PickedPhoto[]; onChange: (p: PickedPhoto[]) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const urls = useMemo(() => photos.map((p) => URL.createObjectURL(p.blob)), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setBusy(true);
    setProblem(null);
    const next = [...photos];
    for (const file of [...files]) {
      if (next.length >= MAX_PHOTOS_PER_RECORD) {
        setProblem(t("field.photo.tooMany", { max: MAX_PHOTOS_PER_RECORD }));
        break;
      }
      const r = await downscalePhoto(file);
      if (!r.ok) {
        setProblem(`${file.name}: ${t(r.problem)}`);
        continue;
      }
      next.push({ id: crypto.randomUUID(), blob: r.blob, width: r.width, height: r.height });
    }
    onChange(next);
    setBusy(false);
  };

  return (
    <div>
      <p className="mb-1 text-sm font-medium text-slate-700">
        {t("field.capture.photos", { max: MAX_PHOTOS_PER_RECORD })}
      </p>
      <ul className="mb-2 grid grid-cols-4 gap-2" data-testid="photo-list">
        {photos.map((p, i) => (
          <li key={p.id} className="relative">
            {/* eslint-disable-next-line @next/next/no-img-element -- a local blob */}
            <img src={urls[i]} alt="" className="aspect-square w-full rounded object-cover" />
            <button
              type="button"
              aria-label={t("field.capture.removePhoto")}
              onClick={() => onChange(photos.filter((x) => x.id !== p.id))}
              className="absolute right-0 top-0 h-8 w-8 rounded-bl bg-black/60 text-white"
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {photos.length < MAX_PHOTOS_PER_RECORD && (
        <label className="flex h-12 cursor-pointer items-center justify-center rounded-md border-2 border-dashed border-slate-400 text-base text-slate-700">
          {busy ? t("field.capture.photoProcessing") : t("field.capture.addPhoto")}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            multiple
            data-testid="photo-input"
            className="sr-only"
            disabled={busy}
            onChange={(e) => {
              void add(e.target.files);
              e.target.value = "";
            }}
          />
        </label>
      )}
      {problem && (
        <p role="alert" data-testid="photo-problem" className="mt-1 text-sm text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
