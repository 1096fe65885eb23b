import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { listPhotos } from "@/lib/field/photos";
import type { PhotoKind } from "@/lib/field/photo-rules";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";

/**
 * A record's evidence photos on its page in the portal: thumbnails that open the full
 * picture. The images come from /api/v1/photos/{id}, which checks scope and is never cached.
 */
export async function RecordPhotos({ actor, kind, id }: { actor: Actor; kind: PhotoKind; id: string }) {
  const [photos, t, locale] = await Promise.all([
    listPhotos({ actor, input: { kind, recordId: id } }),
    getT(),
    getLocale(),
  ]);
  return (
    <Card data-testid="record-photos">
      <CardHeader title={t("field.photos.title", { count: photos.length })} />
      <CardBody>
        {photos.length === 0 ? (
          <p className="text-sm text-slate-600">{t("field.photos.none")}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            {photos.map((p, i) => (
              <li key={p.id}>
                <a href={`/api/v1/photos/${p.id}`} target="_blank" rel="noopener" className="block">
                  {/* eslint-disable-next-line @next/next/no-img-element -- private, uncached evidence; next/image would cache it */}
                  <img
                    src={`/api/v1/photos/${p.id}`}
                    alt={t("field.photos.alt", { n: i + 1 })}
                    width={p.width}
                    height={p.height}
                    loading="lazy"
                    className="aspect-[4/3] w-full rounded border border-slate-200 object-cover"
                  />
                </a>
                <p className="mt-1 text-xs text-slate-600">
                  {formatDateTime(p.takenAt ?? p.createdAt, locale)} · {p.width}×{p.height} ·{" "}
                  {Math.round(p.byteSize / 1024)} kB
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
