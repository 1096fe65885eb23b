"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";

/** The window section's tabs; the server decides which the user may see. */
export function WindowTabs({ tabs }: { tabs: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav
      className="no-print -mx-1 mb-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-1"
      aria-label="window"
      data-testid="window-tabs"
    >
      {tabs.map((t) => {
        const active =
          t.href === "/window" ? pathname === "/window" : pathname === t.href || pathname.startsWith(t.href + "/");
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium",
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
