import Link from "next/link";
import { getT } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <div
      className="flex min-h-[60vh] flex-col items-center justify-center gap-2 p-6 text-center"
      data-testid="not-found"
    >
      <p className="text-5xl font-bold text-slate-500">404</p>
      <h1 className="text-lg font-semibold">{t("errors.notFoundTitle")}</h1>
      <p className="max-w-md text-sm text-slate-500">{t("errors.notFoundBody")}</p>
      <Link href="/" className="mt-2 text-sm font-medium text-brand-600 hover:underline">
        {t("nav.home")}
      </Link>
    </div>
  );
}
