import type { Metadata } from "next";
import { NewRecoveryCodesButton, SignOutEverywhereButton } from "@/components/auth/account-security";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { EnrolForm } from "@/components/auth/enrol-form";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { secondFactorStatus, startEnrolment } from "@/lib/auth/account";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "我的账户 My account" };

/** The person's own account: password, second factor, sign out everywhere. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ enrol?: string }> }) {
  const user = await requirePageUser();
  const [t, locale, status, sp] = await Promise.all([
    getT(),
    getLocale(),
    secondFactorStatus({ actor: user }),
    searchParams,
  ]);
  const enrolment = !status.enabledAt && sp.enrol === "1" ? await startEnrolment({ actor: user }) : null;
  return (
    <div className="max-w-3xl space-y-4">
      <PageHeader title={t("account.title")} subtitle={`${user.displayName} (${user.username})`} />
      <Card>
        <CardBody className="space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <h2 className="font-semibold">{t("account.secondFactor")}</h2>
            {status.enabledAt ? (
              <Badge tone="green">{t("account.totpSince", { date: formatDateTime(status.enabledAt, locale) })}</Badge>
            ) : (
              <Badge>{t("account.totpOff")}</Badge>
            )}
          </div>
          {status.enabledAt ? (
            <>
              <p className="text-sm text-slate-600" data-testid="recovery-left">
                {t("account.recoveryLeft", { n: status.recoveryCodesLeft })}
              </p>
              <NewRecoveryCodesButton />
            </>
          ) : enrolment ? (
            <EnrolForm {...enrolment} next="/account" />
          ) : (
            <ButtonLink href="/account?enrol=1" data-testid="enrol-start">
              {t("account.enrolOptional")}
            </ButtonLink>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardBody className="space-y-4">
          <h2 className="font-semibold">{t("account.changePassword")}</h2>
          <div className="max-w-sm">
            <ChangePasswordForm then="stay" />
          </div>
        </CardBody>
      </Card>
      <Card>
        <CardBody className="space-y-3">
          <h2 className="font-semibold">{t("account.signOutEverywhere")}</h2>
          <p className="text-sm text-slate-600">{t("account.signOutEverywhereLead")}</p>
          <SignOutEverywhereButton />
        </CardBody>
      </Card>
    </div>
  );
}
