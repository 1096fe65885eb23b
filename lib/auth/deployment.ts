/**
 * Is this a real deployment? A production build (`npm start`, `next start`) is production
 * unless it was started explicitly as a demo or test instance with TRAFFICOPS_DEMO=1 (the
 * e2e server, the measurement runs, `TRAFFICOPS_DEMO=1 npm start` for a demo). In
 * production the public demo password is refused everywhere and nobody is exempt from
 * the second factor.
 *
 * NODE_ENV is inlined into the build by Next.js; TRAFFICOPS_DEMO is read at run time.
 */
export const DEMO_PASSWORD = "TrafficOps-demo-2026";

export function isProduction(): boolean {
  return process.env.NODE_ENV === "production" && process.env.TRAFFICOPS_DEMO !== "1";
}

/** Signing in with the demo password is a demo sign-in: allowed outside production only. */
export function isDemoSignIn(password: string): boolean {
  return !isProduction() && password === DEMO_PASSWORD;
}
