"use client";
import { useRef } from "react";
import { Button } from "./button";
import { FormErrors } from "./form-errors";
import { Alert } from "./states";
import { useT } from "@/lib/i18n/client";

/**
 * The frames of the portal's smaller forms (admin, window), around fields the caller gives:
 * a form in a dialog opened by a button, and a form on the page. Both validate nothing
 * themselves; `onSubmit` gets the form element (the submit event is already stopped).
 */

/** What a frame shows of a useAction: its errors and whether it runs. */
interface ActionState {
  error: string | null;
  fields: Record<string, string>;
  pending: boolean;
}

/** Closes the dialog an element sits in. */
const closeDialog = (el: Element) => el.closest("dialog")?.close();

const submitted = (handle: (form: HTMLFormElement) => void) => (e: React.FormEvent<HTMLFormElement>) => {
  e.preventDefault();
  handle(e.currentTarget);
};

/**
 * A button that opens a dialog with one form: title, error summary, the fields, then cancel
 * and submit. `onSubmit` gets the form and a function that closes the dialog; `onOpen` runs
 * before it opens (clearing the last attempt's errors, say). The submit button reads
 * "saving…" while the action runs, unless the form names its own `submitLabel`.
 */
export function FormDialog({
  label,
  title = label,
  testId,
  variant = "primary",
  size = "md",
  width = "w-[min(40rem,94vw)]",
  spacing = "space-y-3",
  action,
  submitLabel,
  onOpen,
  onSubmit,
  children,
}: {
  label: string;
  title?: string;
  testId?: string;
  variant?: "primary" | "secondary";
  size?: "sm" | "md";
  /** The dialog's width: a literal Tailwind class, e.g. `w-[min(32rem,94vw)]`. */
  width?: string;
  /** The vertical space between the form's parts. */
  spacing?: "space-y-3" | "space-y-4";
  action: ActionState;
  submitLabel?: string;
  onOpen?: () => void;
  onSubmit: (form: HTMLFormElement, close: () => void) => void;
  children: React.ReactNode;
}) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  const open = () => {
    onOpen?.();
    dialog.current?.showModal();
  };
  const save = submitLabel ?? t(action.pending ? "common.saving" : "common.save");
  return (
    <>
      <Button variant={variant} size={size} onClick={open} data-testid={testId}>
        {label}
      </Button>
      <dialog ref={dialog} className={`m-auto ${width} rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40`}>
        <form
          className={`${spacing} p-5`}
          noValidate
          onSubmit={submitted((form) => onSubmit(form, () => closeDialog(form)))}
        >
          <h2 className="text-lg font-semibold">{title}</h2>
          <FormErrors action={action} />
          {children}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={action.pending}>
              {save}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/**
 * A form on a page: its heading (when it has one), error summary and, once saved, a success
 * `notice` (e.g. `action.done && t("…saved")`); then the fields and buttons.
 */
export function ActionForm({
  title,
  action,
  notice,
  className = "space-y-3",
  onSubmit,
  children,
}: {
  title?: string;
  action: Omit<ActionState, "pending">;
  notice?: React.ReactNode;
  className?: string;
  onSubmit: (form: HTMLFormElement) => void;
  children: React.ReactNode;
}) {
  return (
    <form className={className} noValidate onSubmit={submitted(onSubmit)}>
      {title && <h3 className="font-medium">{title}</h3>}
      <FormErrors action={action} />
      {notice && <Alert tone="success">{notice}</Alert>}
      {children}
    </form>
  );
}
