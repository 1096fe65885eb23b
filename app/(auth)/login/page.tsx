import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { getSessionUser } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { homeFor } from "@/lib/navigation";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录 Sign in" };

function safeCallback(v: string | string[] | undefined): string | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/login") ? s : null;
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const user = await getSessionUser();
  const callback = safeCallback(sp.callbackUrl);
  if (user) redirect(callback ?? homeFor(user.permissions));
  const t = await getT();
  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-900 via-brand-800 to-brand-600 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center text-white">
          <div className="mx-auto mb-3 flex h-14 w-14 items-center justify-center rounded-full bg-white/15 ring-2 ring-white/30">
            <svg
              viewBox="0 0 24 24"
              className="h-8 w-8"
              fill="none"
              stroke="currentColor"
              strokeWidth={1.6}
              aria-hidden
            >
              <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" />
              <path d="m9 12 2 2 4-4" />
            </svg>
          </div>
          <h1 className="text-2xl font-semibold tracking-wide">{t("app.name")}</h1>
          <p className="mt-1 text-sm text-brand-100">{t("auth.subtitle")}</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-2xl">
          <div className="mb-4 flex items-center justify-between">
            <h2 className="text-lg font-semibold text-slate-900">{t("auth.title")}</h2>
            <LanguageSwitch tone="light" />
          </div>
          <LoginForm callbackUrl={callback} expired={sp.expired === "1"} />
        </div>
        <p className="mt-4 text-center text-xs text-brand-100">{t("auth.demoHint")}</p>
      </div>
    </div>
  );
}
