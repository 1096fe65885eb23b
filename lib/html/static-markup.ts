import Link from "next/link";
import { Fragment, isValidElement, type ReactElement, type ReactNode } from "react";

/**
 * Markup for a subtree that never changes in the browser (a chart, a table of figures, a row of
 * figure cards), written as an HTML string on the server: the page carries it as one string and
 * React neither rebuilds nor hydrates it (components/ui/static-html.tsx). The same text React's
 * server renderer would write for these elements (tests/unit/static-markup.test.ts compares them).
 *
 * What it takes: host elements, fragments, arrays, text, and synchronous components without
 * hooks (they are called as functions). `next/link` becomes a plain `<a href>` (a full page
 * load instead of a client navigation: these are drill-down links, never prefetched). Anything
 * else — a client component, a hook, an async component — throws, so a subtree that needs the
 * browser cannot be made static by mistake.
 */
export function renderStaticMarkup(node: ReactNode): string {
  return write(node, false);
}

const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
/** Props React writes under another name (the rest keep theirs: colSpan, readOnly… — the same to an HTML parser). */
const HTML_NAMES: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  httpEquiv: "http-equiv",
  acceptCharset: "accept-charset",
  tabIndex: "tabindex",
};
/** SVG attributes that keep their camel case (the rest of SVG's camelCase props are hyphenated). */
const SVG_CAMEL = new Set([
  "viewBox",
  "preserveAspectRatio",
  "gradientUnits",
  "gradientTransform",
  "patternUnits",
  "patternContentUnits",
  "patternTransform",
  "clipPathUnits",
  "markerUnits",
  "markerWidth",
  "markerHeight",
  "refX",
  "refY",
  "textLength",
  "lengthAdjust",
  "startOffset",
  "spreadMethod",
  "stdDeviation",
  "baseFrequency",
  "numOctaves",
  "pathLength",
]);
/** HTML attributes written with no value when true and left out when false. */
const BOOLEAN = new Set([
  "hidden",
  "disabled",
  "checked",
  "selected",
  "readOnly",
  "required",
  "multiple",
  "open",
  "allowFullScreen",
  "autoFocus",
  "noValidate",
  "inert",
]);
/** CSS properties that take a bare number (React adds "px" to the others). */
const UNITLESS = new Set([
  "flex",
  "flexGrow",
  "flexShrink",
  "fontWeight",
  "lineHeight",
  "opacity",
  "order",
  "zIndex",
  "zoom",
  "fillOpacity",
  "strokeOpacity",
  "strokeWidth",
  "gridRow",
  "gridColumn",
  "columnCount",
  "aspectRatio",
]);

/** React's own escaping, for text and attribute values alike. */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const hyphenate = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function style(value: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined || typeof v === "boolean" || v === "") continue;
    const name = k.startsWith("--") ? k : hyphenate(k).replace(/^ms-/, "-ms-");
    const text =
      typeof v === "number" && v !== 0 && !UNITLESS.has(k) && !k.startsWith("--") ? `${v}px` : String(v).trim();
    parts.push(`${name}:${text}`);
  }
  return parts.join(";");
}

function attributes(props: Record<string, unknown>, svg: boolean): string {
  let out = "";
  for (const [key, value] of Object.entries(props)) {
    if (key === "children" || key === "dangerouslySetInnerHTML" || key === "key" || key === "ref") continue;
    if (key === "suppressHydrationWarning" || key === "suppressContentEditableWarning") continue;
    if (value === null || value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    if (key === "style") {
      const css = style(value as Record<string, unknown>);
      if (css) out += ` style="${escape(css)}"`;
      continue;
    }
    const aria = key.startsWith("aria-") || key.startsWith("data-");
    if (BOOLEAN.has(key) && !svg) {
      if (value) out += ` ${key}=""`;
      continue;
    }
    if (typeof value === "boolean" && !aria) continue; // React drops booleans on non-boolean attributes
    const name = aria ? key : (HTML_NAMES[key] ?? (svg && !SVG_CAMEL.has(key) ? hyphenate(key) : key));
    out += ` ${name}="${escape(String(value))}"`;
  }
  return out;
}

function write(node: ReactNode, svg: boolean): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escape(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (Array.isArray(node)) return writeChildren(node, svg);
  if (!isValidElement(node))
    throw new Error(`renderStaticMarkup: cannot write ${Object.prototype.toString.call(node)}`);
  const el = node as ReactElement<Record<string, unknown>>;
  const props = el.props;
  if (el.type === Fragment) return write(props.children as ReactNode, svg);
  if (el.type === Link) {
    // What next/link writes: its own props left out, the rest on the <a>, then href.
    const {
      href,
      children,
      prefetch: _p,
      replace: _r,
      scroll: _s,
      shallow: _sh,
      passHref: _ph,
      legacyBehavior: _l,
      ...rest
    } = props as { href: string; children?: ReactNode } & Record<string, unknown>;
    return `<a${attributes({ ...rest, href }, false)}>${write(children, false)}</a>`;
  }
  if ((el.type as { $$typeof?: symbol })?.$$typeof === Symbol.for("react.client.reference"))
    throw new Error("renderStaticMarkup: a client component is not static");
  if (typeof el.type === "function") {
    // Client components arrive on the server as references, not functions; a class would need `new`.
    if ((el.type as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent)
      throw new Error("renderStaticMarkup: class components are not static");
    const out = (el.type as (p: unknown) => ReactNode)(props);
    if (out instanceof Promise) throw new Error("renderStaticMarkup: async components are not static");
    return write(out, svg);
  }
  if (typeof el.type !== "string")
    throw new Error(
      `renderStaticMarkup: ${String((el.type as { displayName?: string })?.displayName ?? el.type)} is not static`,
    );
  const tag = el.type;
  const inSvg = svg || tag === "svg";
  const open = `<${tag}${attributes(props, inSvg)}`;
  if (VOID.has(tag)) return `${open}/>`;
  const html = (props.dangerouslySetInnerHTML as { __html?: string } | undefined)?.__html;
  const inner = html ?? write(props.children as ReactNode, inSvg && tag !== "foreignObject");
  return `${open}>${inner}</${tag}>`;
}

/** Adjacent text is written as one run, as the browser would read it. */
function writeChildren(nodes: ReactNode[], svg: boolean): string {
  let out = "";
  for (const n of nodes) out += write(n, svg);
  return out;
}
