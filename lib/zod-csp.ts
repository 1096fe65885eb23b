/**
 * In the browser, zod compiles fast parsers with `new Function` when it can, and probes
 * for it once. Our Content-Security-Policy has no 'unsafe-eval' (lib/csp.ts), so that probe
 * is a CSP violation: tell zod not to try. Imported for its effect by lib/validation/index.ts and
 * the root layout's client code (components/shell/hydration-mark.tsx).
 *
 * Without importing zod: the root layout's code is in every page's first load, and zod is
 * ~31 kB of it (the field app's budget is 200 kB). zod keeps its global config — what
 * `z.config()` writes and every parse reads — on `globalThis.__zod_globalConfig`
 * (zod/v4/core/core.js), creating it only when absent: set there before zod loads, or merged
 * into the same object after, zod sees `jitless`. tests/unit/zod-csp.test.ts pins this for
 * the installed zod.
 */
export function zodJitless(
  target = globalThis as typeof globalThis & { __zod_globalConfig?: Record<string, unknown> },
) {
  target.__zod_globalConfig = Object.assign(target.__zod_globalConfig ?? {}, { jitless: true });
}

if (typeof window !== "undefined") zodJitless();
