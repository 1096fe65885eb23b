import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./session-config";

/**
 * AES-256-GCM with a key derived (HKDF-SHA256) from the auth secret, for small secrets
 * kept in the database (TOTP secrets) or handed to the browser to come back (an
 * enrolment in progress). `purpose` separates keys, so a box made for one use does not
 * open for another. Rotating NEXTAUTH_SECRET means people enrol their second factor again.
 */
function key(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "trafficops", `secret-box:${purpose}`, 32));
}

export function seal(purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(
    ".",
  );
}

/** The sealed text, or null when it was not sealed by us for this purpose (or was altered). */
export function open(purpose: string, sealed: string): string | null {
  const [v, iv, body, tag] = sealed.split(".");
  if (v !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(purpose), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
