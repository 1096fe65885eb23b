"use client";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/states";
import { useT } from "@/lib/i18n/client";

/** Recovery codes, shown once, with print and continue. */
export function RecoveryCodes({ codes, next }: { codes: string[]; next: string }) {
  const t = useT();
  return (
    <section className="space-y-4" data-testid="recovery-codes" aria-labelledby="recovery-title">
      <h2 id="recovery-title" className="font-semibold text-slate-900">
        {t("account.recoveryTitle")}
      </h2>
      <Alert tone="info">{t("account.recoveryLead")}</Alert>
      <ol className="grid grid-cols-1 gap-x-6 gap-y-1 rounded-lg bg-slate-50 p-4 font-mono text-sm text-slate-900 sm:grid-cols-2">
        {codes.map((c) => (
          <li key={c} className="select-all" data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ol>
      <div className="no-print flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => window.print()}>
          {t("account.recoveryPrint")}
        </Button>
        <Button onClick={() => window.location.assign(next)} data-testid="recovery-continue">
          {t("account.recoveryDone")}
        </Button>
      </div>
    </section>
  );
}
