import { WindowTabs } from "@/components/window/window-tabs";
import { can } from "@/lib/auth/actor";
import type { Permission } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

const TABS: { key: string; href: string; anyOf: Permission[] }[] = [
  { key: "serve", href: "/window", anyOf: ["window.serve"] },
  { key: "tickets", href: "/window/tickets", anyOf: ["window.serve"] },
  { key: "transactions", href: "/window/transactions", anyOf: ["window.view"] },
  { key: "day", href: "/window/day", anyOf: ["window.serve"] },
  { key: "supervise", href: "/window/supervise", anyOf: ["window.supervise"] },
  { key: "complaints", href: "/window/complaints", anyOf: ["window.supervise"] },
  { key: "trips", href: "/window/trips", anyOf: ["window.view"] },
  { key: "points", href: "/window/points", anyOf: ["window.view"] },
  { key: "settings", href: "/window/settings", anyOf: ["window.manage", "admin.catalogue"] },
  { key: "import", href: "/window/import", anyOf: ["window.import"] },
];

/** The window section: its tabs, by permission (each page checks its own permission too). */
export default async function WindowLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const t = await getT();
  const tabs = TABS.filter((x) => x.anyOf.some((p) => can(user, p))).map((x) => ({
    href: x.href,
    label: t(`window.tabs.${x.key}`),
  }));
  return (
    <div>
      {tabs.length > 0 && <WindowTabs tabs={tabs} />}
      {children}
    </div>
  );
}
