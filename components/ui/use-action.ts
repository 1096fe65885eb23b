"use client";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useT } from "@/lib/i18n/client";
import { issueFields } from "@/lib/i18n/translate";
import { focusFirstInvalid } from "./invalid-fields";

/**
 * Runs a server action from a form: validates with the same zod schema first (instant
 * feedback), then shows the server's answer, per field where it can.
 *
 * After a failed submit the first invalid field of the submitting form is scrolled to and
 * focused (or, when no field is to blame, the error summary): the error is where the user
 * looks, not above the viewport while focus stays on the button.
 *
 * `pending` is true while this hook's own action runs. It is not useTransition's isPending:
 * React batches all ongoing async transitions together, so that flag stays true while any
 * other action on the page runs (a queue refresh after a live event, say), and a button or
 * key guarded by it would ignore the user for no visible reason.
 */
export function useAction<I, R>(schema: z.ZodType | null, action: (input: I) => Promise<ActionResult<R>>) {
  const t = useT();
  const [, start] = useTransition();
  const [running, setRunning] = useState(0);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  // Which form submitted (read when run() is called), and a counter bumped on each failure
  // so the same errors twice still move focus again.
  const origin = useRef<Element | null>(null);
  const [failed, setFailed] = useState(0);

  useEffect(() => {
    if (failed) focusFirstInvalid(origin.current, fields);
    // Only a new failure moves focus; `fields` is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [failed]);

  const run = useCallback(
    (input: I, onOk?: (data: R) => void) => {
      setDone(false);
      origin.current = submittingForm();
      if (schema) {
        const parsed = schema.safeParse(input);
        if (!parsed.success) {
          setFields(issueFields(t, parsed.error.issues));
          setError(t("errors.INVALID"));
          setFailed((n) => n + 1);
          return;
        }
      }
      setRunning((n) => n + 1);
      start(async () => {
        try {
          const res = await action(input);
          if (res.ok) {
            setFields({});
            setError(null);
            setDone(true);
            onOk?.(res.data);
          } else {
            setFields(res.fields ?? {});
            setError(res.message);
            setFailed((n) => n + 1);
          }
        } catch {
          setError(t("auth.networkError"));
          setFailed((n) => n + 1);
        } finally {
          setRunning((n) => n - 1);
        }
      });
    },
    [schema, action, t],
  );

  return {
    run,
    pending: running > 0,
    fields,
    error,
    done,
    reset: () => {
      setFields({});
      setError(null);
      setDone(false);
    },
  };
}

/** The form being submitted: the focused control's form (also a submit button outside it, via form=…), else none. */
function submittingForm(): Element | null {
  if (typeof document === "undefined") return null;
  const el = document.activeElement as (HTMLElement & { form?: HTMLFormElement | null }) | null;
  if (!el || el === document.body) return null;
  return el.form ?? el.closest("form, dialog, [role=dialog]") ?? null;
}

/** Form values as a plain object (checkboxes with the same name become arrays). */
export function formValues(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fd = new FormData(form);
  for (const key of new Set(fd.keys())) {
    const all = fd.getAll(key).map(String);
    const el = form.elements.namedItem(key);
    const multi =
      el instanceof RadioNodeList
        ? [...el].some((e) => (e as HTMLInputElement).type === "checkbox")
        : (el as HTMLInputElement | null)?.type === "checkbox";
    out[key] = multi ? all : all[0];
  }
  return out;
}
