import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutLink } from "@/components/auth/sign-out-link";
import { requireStage } from "@/lib/auth/stage-page";
import { getT } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "设置新密码 New password" };

export default async function NewPasswordPage() {
  await requireStage("password");
  const t = await getT();
  return (
    <AuthCard title={t("account.passwordTitle")} footer={<SignOutLink label={t("account.otherAccount")} />}>
      <p className="mb-4 text-sm text-slate-600">{t("account.passwordLead")}</p>
      <ChangePasswordForm then="continue" />
    </AuthCard>
  );
}
