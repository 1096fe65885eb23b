"use client";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { completeEnrolmentAction } from "@/lib/auth/actions";
import { useT } from "@/lib/i18n/client";

/**
 * Recovery codes, shown once, with print and continue. After an enrolment, `proof` lets
 * "continue" mark this session as having passed the second factor.
 */
export function RecoveryCodes({ codes, next, proof }: { codes: string[]; next: string; proof?: string }) {
  const t = useT();
  const complete = useAction(null, completeEnrolmentAction);
  return (
    <section className="space-y-4" data-testid="recovery-codes" aria-labelledby="recovery-title">
      <h2 id="recovery-title" className="font-semibold text-slate-900">
        {t("account.recoveryTitle")}
      </h2>
      <Alert tone="info">{t("account.recoveryLead")}</Alert>
      {complete.error && <Alert>{complete.error}</Alert>}
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
        <Button
          disabled={complete.pending}
          onClick={() =>
            proof ? complete.run({ proof }, () => window.location.assign(next)) : window.location.assign(next)
          }
          data-testid="recovery-continue"
        >
          {t("account.recoveryDone")}
        </Button>
      </div>
    </section>
  );
}
