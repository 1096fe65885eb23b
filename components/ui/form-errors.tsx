"use client";
import { useLayoutEffect, useRef, useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { controlFor, labelOf, reveal } from "./invalid-fields";

interface Entry {
  key: string;
  label: string | null;
  message: string;
  target: HTMLElement | null;
}

/**
 * A failed submit's summary: the general message, then one link per invalid field
 * ("号牌号码：号牌号码格式不正确") that takes the user to that field. useAction moves focus
 * to the first invalid field itself; this is the map of all of them.
 *
 * Labels are read from the form as rendered (the control's label, aria-label or legend),
 * so forms need only give their controls the field's name or id.
 */
export function FormErrors({
  action,
  className,
}: {
  action: { error: string | null; fields?: Record<string, string> };
  className?: string;
}) {
  const { error, fields } = action;
  const { locale } = useI18n();
  const colon = locale === "zh" ? "：" : ": ";
  const ref = useRef<HTMLDivElement>(null);
  const [entries, setEntries] = useState<Entry[]>([]);

  useLayoutEffect(() => {
    const node = ref.current;
    if (!node) return;
    const root: ParentNode = node.closest("form, dialog, [role=dialog]") ?? document;
    // A summary next to (not inside) its form, as in a dialog's footer: look in the parent too.
    const scopes = [root, node.parentElement ?? document];
    const found = Object.entries(fields ?? {}).map(([key, message]) => {
      const target = scopes.map((s) => controlFor(s, key)).find(Boolean) ?? null;
      return { key, message, target, label: target ? labelOf(target) : null };
    });
    found.sort((a, b) =>
      a.target && b.target
        ? a.target.compareDocumentPosition(b.target) & Node.DOCUMENT_POSITION_FOLLOWING
          ? -1
          : 1
        : a.target
          ? -1
          : b.target
            ? 1
            : 0,
    );
    // Reading the rendered form is the point here: the labels exist only in the DOM.
    setEntries(found);
  }, [fields]);

  if (!error) return null;
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      data-error-summary
      data-testid="form-errors"
      className={
        className ?? "rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-none"
      }
    >
      <p>{error}</p>
      {entries.length > 0 && (
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {entries.map((e) => (
            <li key={e.key}>
              {e.target ? (
                <a
                  href={e.target.id ? `#${e.target.id}` : "#"}
                  className="underline decoration-red-300 underline-offset-2 hover:decoration-red-700"
                  onClick={(ev) => {
                    ev.preventDefault();
                    if (e.target) reveal(e.target);
                  }}
                >
                  {e.label ? `${e.label}${colon}${e.message}` : e.message}
                </a>
              ) : (
                e.message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
