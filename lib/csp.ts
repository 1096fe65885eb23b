/**
 * The security headers of every page, set by proxy.ts per request (Next.js's documented
 * way: node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md). Scripts
 * run only with this request's nonce (Next.js puts it on its own scripts; 'strict-dynamic'
 * lets them load their chunks); no 'unsafe-inline' for scripts. Styles: our stylesheets and
 * nonce'd <style> elements; `style` attributes (React and the chart library write them) are
 * allowed, they cannot run code. Workers: MapLibre's from /map-worker.js, blob: workers
 * (Mapbox) and the field app's service worker. Nothing may frame the portal.
 */

export interface CspOptions {
  nonce: string;
  dev: boolean;
  https: boolean;
}

/** Origins a configured outside map (NEXT_PUBLIC_MAP_STYLE_URL / NEXT_PUBLIC_MAPBOX_TOKEN) needs. */
function mapOrigins(): string[] {
  const out: string[] = [];
  const style = process.env.NEXT_PUBLIC_MAP_STYLE_URL;
  if (style) {
    try {
      out.push(new URL(style).origin);
    } catch {
      /* not a URL: nothing to allow */
    }
  }
  if (process.env.NEXT_PUBLIC_MAPBOX_TOKEN) out.push("https://*.mapbox.com");
  return out;
}

export function contentSecurityPolicy({ nonce, dev, https }: CspOptions): string {
  const map = mapOrigins();
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", ...map],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...map, ...(dev ? ["ws:"] : [])],
    ["worker-src", "'self'", "blob:"],
    ["manifest-src", "'self'"],
    ["media-src", "'self'", "blob:", "data:"],
    ["object-src", "'none'"],
    ["frame-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

/** The field app (phones on the road) may ask for the position and the camera; nothing else may. */
export function permissionsPolicy(pathname: string): string {
  const field = pathname === "/field" || pathname.startsWith("/field/");
  const self = field ? "(self)" : "()";
  return [`geolocation=${self}`, `camera=${self}`, "microphone=()", "payment=()", "usb=()", "display-capture=()"].join(
    ", ",
  );
}

/** HSTS only over https: on a plain-http intranet it would lock browsers out. */
export const HSTS = "max-age=31536000; includeSubDomains";

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
