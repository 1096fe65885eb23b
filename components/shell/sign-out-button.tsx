"use client";
import { signOut } from "next-auth/react";
import { Icon } from "@/components/ui/icons";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      data-testid="sign-out"
      aria-label={label}
      onClick={() => void signOut({ callbackUrl: "/login" })}
      className="flex items-center gap-1 rounded-md px-2 py-1 text-sm hover:bg-white/10"
    >
      <Icon name="logout" className="h-4 w-4" />
      {/* Below md only the icon shows: the aria-label names the button at every width. */}
      <span className="hidden md:inline">{label}</span>
    </button>
  );
}
