"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocale } from "@/lib/i18n/actions";
import { useI18n } from "@/lib/i18n/client";

export function LanguageSwitch({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const [pending, start] = useTransition();
  const next = locale === "zh" ? "en" : "zh";
  return (
    <button
      type="button"
      disabled={pending}
      data-testid="language-switch"
      title={t("common.language")}
      lang={next}
      onClick={() =>
        start(async () => {
          await setLocale(next);
          router.refresh();
        })
      }
      className={
        tone === "dark"
          ? "shrink-0 whitespace-nowrap rounded-md border border-white/30 px-2 py-1 text-xs font-medium hover:bg-white/10"
          : "shrink-0 whitespace-nowrap rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
      }
    >
      {locale === "zh" ? "English" : "中文"}
    </button>
  );
}
