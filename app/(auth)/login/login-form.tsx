"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { useT } from "@/lib/i18n/client";

export function LoginForm({ callbackUrl, expired }: { callbackUrl: string | null; expired: boolean }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await signIn("credentials", {
        redirect: false,
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!res || res.error || !res.ok) {
        setError(
          res?.error === "throttled" ? t("auth.throttled") : res?.error === "busy" ? t("auth.busy") : t("auth.failed"),
        );
        setBusy(false);
        return;
      }
      // A full navigation, so the server renders the portal with the new session (or the
      // sign-in step still due: second factor, new password, enrolment).
      window.location.assign(callbackUrl ?? "/");
    } catch {
      setError(t("auth.networkError"));
      setBusy(false);
    }
  }

  return (
    // method="post": a submit before the page has hydrated (Enter on a slow phone) must not put
    // the password in the URL, the browser history and the server logs.
    <form method="post" onSubmit={onSubmit} className="space-y-4" noValidate data-testid="login-form">
      {expired && !error && <Alert tone="info">{t("auth.sessionExpired")}</Alert>}
      {error && <Alert>{error}</Alert>}
      <Field label={t("auth.username")} htmlFor="username">
        <Input id="username" name="username" autoComplete="username" autoCapitalize="none" required autoFocus />
      </Field>
      <Field label={t("auth.password")} htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required />
      </Field>
      <Button type="submit" className="w-full" size="lg" disabled={busy} data-testid="login-submit">
        {busy ? t("auth.submitting") : t("auth.submit")}
      </Button>
    </form>
  );
}
