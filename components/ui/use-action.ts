"use client";
import { useCallback, useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useT } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";

/**
 * Runs a server action from a form: validates with the same zod schema first (instant
 * feedback), then shows the server's answer, per field where it can.
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

  const run = useCallback(
    (input: I, onOk?: (data: R) => void) => {
      setDone(false);
      if (schema) {
        const parsed = schema.safeParse(input);
        if (!parsed.success) {
          const f: Record<string, string> = {};
          for (const i of parsed.error.issues) f[i.path.map(String).join(".")] ??= translateMessage(t, i.message);
          setFields(f);
          setError(t("errors.INVALID"));
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
          }
        } catch {
          setError(t("auth.networkError"));
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
