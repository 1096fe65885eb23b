"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { regenerateRecoveryCodesAction, signOutEverywhereAction } from "@/lib/auth/actions";
import { useT } from "@/lib/i18n/client";
import { RecoveryCodes } from "./recovery-codes";

/** New recovery codes (old ones stop working), shown once. */
export function NewRecoveryCodesButton() {
  const t = useT();
  const [codes, setCodes] = useState<string[] | null>(null);
  const { run, error } = useAction(null, regenerateRecoveryCodesAction);
  if (codes) return <RecoveryCodes codes={codes} next="/account" />;
  return (
    <div className="space-y-2">
      {error && <Alert>{error}</Alert>}
      <ConfirmButton
        variant="secondary"
        testId="new-recovery-codes"
        message={t("account.newRecoveryConfirm")}
        confirmLabel={t("account.newRecovery")}
        onConfirm={() => run({}, (d) => setCodes(d.recoveryCodes))}
      >
        {t("account.newRecovery")}
      </ConfirmButton>
    </div>
  );
}

/** Signs the person out on every device, this one included. */
export function SignOutEverywhereButton() {
  const t = useT();
  const router = useRouter();
  const { run, error } = useAction(null, signOutEverywhereAction);
  return (
    <div className="space-y-2">
      {error && <Alert>{error}</Alert>}
      <ConfirmButton
        testId="sign-out-everywhere"
        message={t("account.signOutEverywhereConfirm")}
        confirmLabel={t("account.signOutEverywhere")}
        onConfirm={() => run({}, () => router.push("/login"))}
      >
        {t("account.signOutEverywhere")}
      </ConfirmButton>
    </div>
  );
}
