import Link from "next/link";
import { Forbidden } from "@/components/ui/notices";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";

const TABS = [
  { href: "/admin/users", key: "users", perm: "admin.users" },
  { href: "/admin/units", key: "units", perm: "admin.units" },
  { href: "/admin/audit", key: "audit", perm: "admin.audit" },
  { href: "/admin/tokens", key: "tokens", perm: "admin.tokens" },
  { href: "/admin/catalogue", key: "catalogue", perm: "admin.catalogue" },
] as const;

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const tabs = TABS.filter((tab) => can(user, tab.perm));
  if (tabs.length === 0) return <Forbidden />;
  const t = await getT();
  return (
    <div>
      <nav className="no-print mb-4 flex gap-1 overflow-x-auto border-b border-slate-200" aria-label={t("admin.title")}>
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            className="whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:border-slate-300 hover:text-slate-900"
            data-testid={`admin-tab-${tab.key}`}
          >
            {t(`admin.${tab.key}`)}
          </Link>
        ))}
      </nav>
      {children}
    </div>
  );
}
