/**
 * Settings that must agree across app instances. An instance is one of several when
 * CLUSTER=1 (npm run cluster sets it; set it on every instance behind a load balancer).
 * Then NEXTAUTH_SECRET must come from the environment, the same on every instance: a
 * secret generated locally (npm run dev/start without one writes .data/auth-secret) would
 * make each instance reject the others' session cookies.
 */
export function clusterMode(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CLUSTER === "1" || env.CLUSTER === "true";
}

/** The configuration problem that stops this instance, or null. */
export function clusterConfigError(env: NodeJS.ProcessEnv = process.env): string | null {
  if (!clusterMode(env)) return null;
  if (!(env.NEXTAUTH_SECRET ?? env.AUTH_SECRET))
    return (
      "CLUSTER=1 (several app instances) but NEXTAUTH_SECRET is not set: every instance must sign " +
      "sessions with the same secret. Set NEXTAUTH_SECRET (e.g. `openssl rand -base64 32`) to the same " +
      "value on every instance."
    );
  if (env.NEXTAUTH_SECRET_SOURCE === "local-file")
    return (
      "CLUSTER=1 but NEXTAUTH_SECRET was generated into this machine's .data/auth-secret: the other " +
      "instances cannot know it. Set NEXTAUTH_SECRET to the same value on every instance."
    );
  return null;
}
