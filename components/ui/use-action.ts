"use client";
import { useCallback, useState, useTransition } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/safe-action";
import { useT } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";

/**
 * Runs a server action from a form: validates with the same zod schema first (instant
 * feedback), then shows the server's answer, per field where it can.
 */
export function useAction<I, R>(schema: z.ZodType | null, action: (input: I) => Promise<ActionResult<R>>) {
  const t = useT();
  const [pending, start] = useTransition();
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
        }
      });
    },
    [schema, action, t],
  );

  return { run, pending, fields, error, done, reset: () => { setFields({}); setError(null); setDone(false); } };
}

/** Form values as a plain object (checkboxes with the same name become arrays). */
export function formValues(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fd = new FormData(form);
  for (const key of new Set(fd.keys())) {
    const all = fd.getAll(key).map(String);
    const el = form.elements.namedItem(key);
    const multi = el instanceof RadioNodeList ? [...el].some((e) => (e as HTMLInputElement).type === "checkbox") : (el as HTMLInputElement | null)?.type === "checkbox";
    out[key] = multi ? all : all[0];
  }
  return out;
}
