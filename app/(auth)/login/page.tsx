import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { afterSignInPath } from "@/lib/auth/callback";
import { showDemoHint } from "@/lib/auth/demo-data";
import { getSessionState, stagePath } from "@/lib/auth/session";
import { getT } from "@/lib/i18n/server";
import { homeFor } from "@/lib/navigation";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "登录 Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const session = await getSessionState();
  // Only a path on this site: "/\evil.example" and the like are dropped (lib/auth/callback.ts).
  const callback = afterSignInPath(sp.callbackUrl);
  if (session?.stage) redirect(stagePath(session.stage));
  if (session) redirect(callback ?? homeFor(session.user.permissions));
  const [t, demo] = await Promise.all([getT(), showDemoHint()]);
  return (
    <AuthCard title={t("auth.title")} footer={demo ? <span data-testid="demo-hint">{t("auth.demoHint")}</span> : null}>
      <LoginForm callbackUrl={callback} expired={sp.expired === "1"} />
    </AuthCard>
  );
}
