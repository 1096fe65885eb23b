"use client";
import { signOut } from "next-auth/react";

/** "Sign in as someone else" under a sign-in step: ends this half-made session. */
export function SignOutLink({ label }: { label: string }) {
  return (
    <button
      type="button"
      className="rounded px-2 py-1 text-sm text-white underline underline-offset-2 hover:bg-white/10"
      onClick={() => void signOut({ callbackUrl: "/login" })}
      data-testid="stage-sign-out"
    >
      {label}
    </button>
  );
}
