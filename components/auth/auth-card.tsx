import { LanguageSwitch } from "@/components/shell/language-switch";
import { getT } from "@/lib/i18n/server";

/** The sign-in pages' frame: the app's name over one white card (login and the steps after it). */
export async function AuthCard({
  title,
  children,
  footer,
  wide = false,
}: {
  title: string;
  children: React.ReactNode;
  footer?: React.ReactNode;
  /** The enrolment card holds a QR code beside its form on wider screens. */
  wide?: boolean;
}) {
  const t = await getT();
  return (
    <div className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-900 via-brand-800 to-brand-600 px-4 py-8">
      <div className={wide ? "w-full max-w-2xl" : "w-full max-w-sm"}>
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
          <p className="text-2xl font-semibold tracking-wide">{t("app.name")}</p>
          <p className="mt-1 text-sm text-brand-100">{t("auth.subtitle")}</p>
        </div>
        <div className="rounded-xl bg-white p-6 shadow-2xl">
          <div className="mb-4 flex items-center justify-between gap-3">
            <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
            <LanguageSwitch tone="light" />
          </div>
          {children}
        </div>
        {footer && <div className="mt-4 text-center text-xs text-brand-100">{footer}</div>}
      </div>
    </div>
  );
}
