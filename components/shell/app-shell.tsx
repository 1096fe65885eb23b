import Link from "next/link";
import { getT, getLocale } from "@/lib/i18n/server";
import type { SessionUser } from "@/lib/auth/actor";
import { navFor } from "@/lib/navigation";
import { LanguageSwitch } from "./language-switch";
import { SideNav } from "./side-nav";
import { SignOutButton } from "./sign-out-button";

/** Top bar (unit, user, language, sign out) and the role's side navigation. */
export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const t = await getT();
  const locale = await getLocale();
  const unitName = locale === "zh" ? user.unitNameZh : user.unitNameEn;
  const items = navFor(user.permissions).map((i) => ({ key: i.key, href: i.href, label: t(`nav.${i.key}`) }));
  return (
    <div className="flex min-h-screen flex-col">
      <header className="no-print sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-brand-900 bg-brand-800 px-3 text-white shadow md:px-4">
        <SideNav items={items} menuLabel={t("nav.menu")} mode="toggle" />
        <div className="flex min-w-0 items-center gap-2">
          <span className="hidden rounded bg-white/15 px-1.5 py-0.5 text-xs font-semibold tracking-wide sm:inline">
            TrafficOps
          </span>
          <span className="line-clamp-2 text-sm font-semibold leading-tight md:text-base" data-testid="unit-name">
            {unitName}
          </span>
        </div>
        <div className="ml-auto flex items-center gap-2 md:gap-3">
          <LanguageSwitch />
          <Link
            href="/account"
            className="hidden rounded-md px-1.5 py-0.5 text-right text-xs leading-tight hover:bg-white/10 sm:block"
            data-testid="user-badge"
            title={t("account.title")}
          >
            <span className="block text-sm font-medium">{user.displayName}</span>
            <span className="text-brand-100">{t(`roles.${user.role}`)}</span>
          </Link>
          <SignOutButton label={t("auth.signOut")} />
        </div>
      </header>
      <div className="flex flex-1">
        <SideNav items={items} menuLabel={t("nav.menu")} mode="rail" />
        <main className="min-w-0 flex-1 p-3 md:p-6">{children}</main>
      </div>
    </div>
  );
}
