import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { buttonClass } from "./button";

/**
 * Keyset pagination links: "first page" and "next". The current filters are kept;
 * only the cursor changes.
 */
export async function CursorPager({
  basePath,
  params,
  nextCursor,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  nextCursor: string | null;
}) {
  const t = await getT();
  const qs = (cursor?: string) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== "cursor") p.set(k, v);
    if (cursor) p.set("cursor", cursor);
    const s = p.toString();
    return s ? `${basePath}?${s}` : basePath;
  };
  return (
    <nav className="flex items-center justify-end gap-2 py-3" aria-label="pagination">
      {params.cursor && (
        <Link className={buttonClass("secondary", "sm")} href={qs()}>
          {t("common.firstPage")}
        </Link>
      )}
      {nextCursor && (
        <Link className={buttonClass("secondary", "sm")} href={qs(nextCursor)} data-testid="next-page">
          {t("common.next")} →
        </Link>
      )}
    </nav>
  );
}
