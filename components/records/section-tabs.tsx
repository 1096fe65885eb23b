"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";

export interface SectionTab {
  href: string;
  label: string;
  /** Other path prefixes that belong to this tab (e.g. a list's detail pages). */
  also?: string[];
}

/**
 * Sub-navigation inside a section (violations → appeals, operations, import …). The tab
 * whose path is the longest prefix of the current one is active.
 */
export function SectionTabs({ tabs, label }: { tabs: SectionTab[]; label: string }) {
  const pathname = usePathname();
  const score = (t: SectionTab) =>
    Math.max(
      ...[t.href, ...(t.also ?? [])].map((p) => (pathname === p || pathname.startsWith(p + "/") ? p.length : -1)),
    );
  const best = tabs.reduce<SectionTab | null>((b, t) => (score(t) > (b ? score(b) : -1) ? t : b), null);
  if (tabs.length < 2) return null;
  return (
    <nav className="no-print mb-4 flex gap-1 overflow-x-auto border-b border-slate-200" aria-label={label}>
      {tabs.map((t) => {
        const active = best?.href === t.href && score(t) >= 0;
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            data-testid={`tab-${t.href.split("/").filter(Boolean).join("-")}`}
            className={clsx(
              "whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
              active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
