"use client";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

/**
 * A portal page whose rendering failed. Database outages normally never get here (the
 * proxy and requirePageUser answer 503 first); this covers a failure in the middle of a
 * page. Retrying goes through the proxy again, which shows the 503 page while the
 * database is away.
 */
export default function PortalError({ error }: { error: Error & { digest?: string } }) {
  const t = useT();
  return (
    <div
      role="alert"
      className="flex min-h-[50vh] flex-col items-center justify-center gap-2 p-6 text-center"
      data-testid="page-error"
    >
      <h1 className="text-lg font-semibold">{t("errors.errorTitle")}</h1>
      <p className="max-w-md text-sm text-slate-500">{t("errors.errorBody")}</p>
      {error.digest && <p className="text-xs text-slate-600">{error.digest}</p>}
      {/* A full reload, not reset(): the server render must run again. */}
      <Button className="mt-2" onClick={() => window.location.reload()}>
        {t("errors.retryNow")}
      </Button>
    </div>
  );
}
