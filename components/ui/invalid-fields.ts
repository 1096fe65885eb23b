/**
 * Finding the controls behind field errors in the DOM, shared by useAction (focus after a
 * failed submit) and FormErrors (the summary's links). A field key ("plate",
 * "auxiliaryUserIds.2") names a control by its `name`, else its `id`, else the key's first
 * segment; controls marked aria-invalid count too.
 */
const esc = (s: string) => (typeof CSS !== "undefined" && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, "\\$&"));

export function controlFor(root: ParentNode, key: string): HTMLElement | null {
  const head = key.split(".")[0];
  for (const k of key === head ? [key] : [key, head]) {
    const el =
      root.querySelector<HTMLElement>(`[name="${esc(k)}"]:not([type=hidden])`) ??
      root.querySelector<HTMLElement>(`#${esc(k)}`);
    if (el) return el;
  }
  return null;
}

const visible = (el: HTMLElement) =>
  !(el as HTMLInputElement).disabled && el.getClientRects().length > 0 && el.getAttribute("type") !== "hidden";

const byDomOrder = (a: Element, b: Element) =>
  a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;

/** The visible invalid controls under root, in document order. */
export function invalidControls(root: ParentNode, fields: Record<string, string>): HTMLElement[] {
  const set = new Set<HTMLElement>(root.querySelectorAll<HTMLElement>('[aria-invalid="true"]'));
  for (const k of Object.keys(fields)) {
    const el = controlFor(root, k);
    if (el) set.add(el);
  }
  return [...set].filter(visible).sort(byDomOrder);
}

/** What a person reads as the control's name: its label, aria-label or fieldset legend. */
export function labelOf(el: HTMLElement): string | null {
  const text = (n: Element | null | undefined) =>
    n?.textContent
      ?.replace(/\s*\*\s*$/, "")
      .replace(/\s+/g, " ")
      .trim() || null;
  const labelled = el.getAttribute("aria-labelledby");
  return (
    text((el as HTMLInputElement).labels?.[0]) ??
    el.getAttribute("aria-label") ??
    (labelled ? text(document.getElementById(labelled)) : null) ??
    text(el.closest("fieldset")?.querySelector("legend"))
  );
}

/** Brings a control into view (centred, so its label shows too) and focuses it. */
export function reveal(el: HTMLElement) {
  el.scrollIntoView?.({ block: "center" });
  el.focus({ preventScroll: true });
}

/**
 * After a failed submit: focus the first invalid control of the submitting form (root),
 * or its error summary when no control is to blame.
 */
export function focusFirstInvalid(root: Element | null, fields: Record<string, string>) {
  const scope: ParentNode = root ?? document;
  const first = invalidControls(scope, fields)[0];
  if (first) return reveal(first);
  const summary =
    root?.querySelector<HTMLElement>("[data-error-summary]") ??
    root?.parentElement?.querySelector<HTMLElement>("[data-error-summary]") ??
    document.querySelector<HTMLElement>("[data-error-summary]");
  if (summary) reveal(summary);
}
