import type { Metadata } from "next";
import { AuthCard } from "@/components/auth/auth-card";
import { SecondFactorForm } from "@/components/auth/second-factor-form";
import { SignOutLink } from "@/components/auth/sign-out-link";
import { requireStage } from "@/lib/auth/stage-page";
import { getT } from "@/lib/i18n/server";

export const metadata: Metadata = { title: "双因素验证 Two-factor check" };

export default async function VerifyPage() {
  await requireStage("totp");
  const t = await getT();
  return (
    <AuthCard title={t("account.verifyTitle")} footer={<SignOutLink label={t("account.otherAccount")} />}>
      <SecondFactorForm />
    </AuthCard>
  );
}
