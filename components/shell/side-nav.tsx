"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useRef } from "react";
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
  const drawerId = useId();
  const drawer = useRef<HTMLDivElement>(null);

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
                onClick={() => drawer.current?.hidePopover?.()}
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
    return (
      <aside className="no-print hidden w-56 shrink-0 border-r border-slate-200 bg-white p-3 lg:block">{list}</aside>
    );
  }
  // The drawer is a native popover: the button opens it before React has hydrated (a tap on a slow
  // tablet is never lost), and the browser closes it on Escape or a tap outside.
  return (
    <div className="lg:hidden">
      <button
        type="button"
        aria-label={menuLabel}
        popoverTarget={drawerId}
        className="rounded-md p-1.5 hover:bg-white/10"
        data-testid="menu-toggle"
      >
        <Icon name="menu" className="h-6 w-6" />
      </button>
      <div
        id={drawerId}
        ref={drawer}
        popover="auto"
        className="fixed bottom-0 left-0 top-14 m-0 h-auto max-h-none w-64 overflow-y-auto border-0 bg-white p-3 text-slate-900 shadow-xl backdrop:bg-slate-900/30"
      >
        {list}
      </div>
    </div>
  );
}
