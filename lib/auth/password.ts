import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { gated } from "./limits";

// argon2id (the library default algorithm), OWASP's second recommended profile.
const OPTS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes and checks run through the sign-in gate (lib/auth/limits.ts): bounded memory under a flood. */
export function hashPassword(password: string): Promise<string> {
  return gated(() => hash(password, OPTS));
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  return gated(async () => {
    try {
      return await verify(hashed, password);
    } catch {
      return false;
    }
  });
}

let dummy: Promise<string> | null = null;
/** A hash to verify against when the user does not exist, so both answers take as long. */
export function dummyHash(): Promise<string> {
  dummy ??= hash("not-a-real-password-" + Math.random(), OPTS);
  return dummy;
}
