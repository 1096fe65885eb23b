import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT } from "next-auth/jwt";

/**
 * The session cookie's token, exactly as next-auth's `encode`/`decode` (next-auth/jwt) make
 * and read it — a JWE (`dir`, A256GCM) under a key derived from the secret with HKDF-SHA256
 * — except that the key is derived once per secret, not on every call: the proxy and the
 * route each read the cookie on every request, and the two derivations were a fifteenth of
 * the server's CPU for an API call (docs/performance.md). Tokens made by either side are read
 * by the other (tests/unit/session-token.test.ts); next-auth's own sign-in uses these too
 * (lib/auth/options.ts).
 */
const keys = new Map<string, Uint8Array>();

function keyFor(secret: string, salt = ""): Uint8Array {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Uint8Array(hkdfSync("sha256", secret, salt, info, 32));
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionToken({
  token = {},
  secret,
  maxAge,
  salt,
}: {
  token?: JWT;
  secret: string | Buffer;
  maxAge?: number;
  salt?: string;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(now + (maxAge ?? 30 * 24 * 60 * 60))
    .setJti(randomUUID())
    .encrypt(keyFor(String(secret), salt));
}

/** The token's claims; throws when it is not ours, was tampered with or has expired (15 s leeway). */
export async function decodeSessionToken({
  token,
  secret,
  salt,
}: {
  token?: string;
  secret: string | Buffer;
  salt?: string;
}): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, keyFor(String(secret), salt), { clockTolerance: 15 });
  return payload as JWT;
}
