import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { EnrolForm } from "@/components/auth/enrol-form";
import { SignOutLink } from "@/components/auth/sign-out-link";
import { Alert } from "@/components/ui/states";
import { startEnrolment } from "@/lib/auth/account";
import { requireStage } from "@/lib/auth/stage-page";
import { getT } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "设置双因素认证 Two-factor setup" };

export default async function EnrolPage() {
  const session = await requireStage("enrol");
  const [t, enrolment] = await Promise.all([getT(), startEnrolment({ actor: session.user })]);
  return (
    <AuthCard title={t("account.enrolTitle")} wide footer={<SignOutLink label={t("account.otherAccount")} />}>
      <div className="mb-4">
        <Alert tone="info">{t("account.enrolRequired")}</Alert>
      </div>
      <EnrolForm {...enrolment} next="/" />
    </AuthCard>
  );
}
