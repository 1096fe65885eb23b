/**
 * In the browser, zod compiles fast parsers with `new Function` when it can, and probes
 * for it once. Our Content-Security-Policy has no 'unsafe-eval' (lib/csp.ts), so that probe
 * is a CSP violation: tell zod not to try. Imported for its effect by lib/validation/index.ts and
 * the root layout's client code (components/shell/hydration-mark.tsx).
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
