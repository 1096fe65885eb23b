"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { clsx } from "clsx";
import { Icon } from "@/components/ui/icons";

interface Item {
  key: string;
  href: string;
  label: string;
}

/**
 * mode="rail": the fixed side column on wide screens (hidden below lg).
 * mode="toggle": the menu button in the top bar and its drawer on tablets and phones.
 */
export function SideNav({ items, menuLabel, mode }: { items: Item[]; menuLabel: string; mode: "rail" | "toggle" }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  const list = (
    <nav aria-label={menuLabel} data-testid="side-nav">
      <ul className="space-y-1">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(item.href + "/");
          return (
            <li key={item.key}>
              <Link
                href={item.href}
                data-nav={item.key}
                aria-current={active ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={clsx(
                  "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
                  active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                <Icon name={item.key} className="h-5 w-5 shrink-0" />
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );

  if (mode === "rail") {
    return <aside className="no-print hidden w-56 shrink-0 border-r border-slate-200 bg-white p-3 lg:block">{list}</aside>;
  }
  return (
    <div className="lg:hidden">
      <button
        type="button"
        aria-label={menuLabel}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="rounded-md p-1.5 hover:bg-white/10"
        data-testid="menu-toggle"
      >
        <Icon name="menu" className="h-6 w-6" />
      </button>
      {open && (
        <div className="fixed inset-0 top-14 z-40 bg-slate-900/30" onClick={() => setOpen(false)}>
          <div className="h-full w-64 bg-white p-3 shadow-xl" onClick={(e) => e.stopPropagation()}>
            {list}
          </div>
        </div>
      )}
    </div>
  );
}
