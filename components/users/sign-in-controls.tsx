"use client";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { useT } from "@/lib/i18n/client";
import { endUserSessionsAction, resetSecondFactorAction } from "@/lib/users/actions";

/** The user page's sign-in section: second factor, open sessions, and the two administrator actions. */
export function SignInControls({
  user,
}: {
  user: {
    id: string;
    name: string;
    totpEnabled: boolean;
    totpRequired: boolean;
    mustChangePassword: boolean;
    openSessions: number;
  };
}) {
  const t = useT();
  const router = useRouter();
  const end = useAction(null, endUserSessionsAction);
  const reset = useAction(null, resetSecondFactorAction);
  return (
    <section className="space-y-3" data-testid="sign-in-controls" aria-labelledby="sign-in-controls-title">
      <h3 id="sign-in-controls-title" className="font-medium">
        {t("account.signInSection")}
      </h3>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-500">{t("account.secondFactor")}</dt>
        <dd data-testid="totp-state">
          {user.totpEnabled ? (
            <Badge tone="green">{t("account.totpOn")}</Badge>
          ) : (
            <Badge tone={user.totpRequired ? "yellow" : "gray"}>
              {user.totpRequired ? t("account.totpPending") : t("account.totpOff")}
            </Badge>
          )}
        </dd>
        <dt className="text-slate-500">{t("account.openSessions")}</dt>
        <dd data-testid="open-sessions">{user.openSessions}</dd>
        {user.mustChangePassword && (
          <>
            <dt className="text-slate-500">{t("account.password")}</dt>
            <dd>{t("account.mustChange")}</dd>
          </>
        )}
      </dl>
      {(end.error || reset.error) && <Alert>{end.error ?? reset.error}</Alert>}
      {end.done && <Alert tone="success">{t("account.sessionsEnded")}</Alert>}
      {reset.done && <Alert tone="success">{t("account.totpReset")}</Alert>}
      <div className="flex flex-wrap gap-3">
        <ConfirmButton
          testId="end-sessions"
          message={t("account.endSessionsConfirm", { name: user.name })}
          confirmLabel={t("account.endSessions")}
          onConfirm={() => end.run({ id: user.id }, () => router.refresh())}
        >
          {t("account.endSessions")}
        </ConfirmButton>
        {user.totpEnabled && (
          <ConfirmButton
            testId="reset-totp"
            message={t("account.resetTotpConfirm", { name: user.name })}
            confirmLabel={t("account.resetTotp")}
            onConfirm={() => reset.run({ id: user.id }, () => router.refresh())}
          >
            {t("account.resetTotp")}
          </ConfirmButton>
        )}
      </div>
    </section>
  );
}
