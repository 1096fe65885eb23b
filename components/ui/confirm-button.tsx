"use client";
import { useRef, useState } from "react";
import { useT } from "@/lib/i18n/client";
import { Button } from "./button";

/**
 * A button that asks before a destructive action. Uses the native <dialog>, so focus is
 * trapped, Esc cancels and Enter confirms without extra code.
 */
export function ConfirmButton({
  children,
  message,
  confirmLabel,
  onConfirm,
  variant = "danger",
  size = "sm",
  disabled,
  testId,
}: {
  children: React.ReactNode;
  message: string;
  confirmLabel?: string;
  onConfirm: () => void | Promise<void>;
  variant?: "danger" | "primary" | "secondary";
  size?: "sm" | "md";
  disabled?: boolean;
  testId?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button
        variant={variant === "danger" ? "secondary" : variant}
        size={size}
        disabled={disabled || busy}
        onClick={() => ref.current?.showModal()}
        data-testid={testId}
      >
        {children}
      </Button>
      <dialog ref={ref} className="m-auto w-[min(28rem,92vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40">
        <form
          method="dialog"
          className="space-y-4 p-5"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
              ref.current?.close();
            }
          }}
        >
          <p className="text-sm text-slate-800">{message}</p>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => ref.current?.close()}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              variant={variant}
              disabled={busy}
              autoFocus
              data-testid={testId ? `${testId}-confirm` : undefined}
            >
              {confirmLabel ?? t("common.confirm")}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
