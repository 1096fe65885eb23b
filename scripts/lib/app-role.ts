/**
 * The application connects with a role of its own that may read and write the data but
 * only INSERT and SELECT audit rows: it cannot edit or delete them, drop the append-only
 * or sealing triggers, or rewrite the chain heads (those belong to the owner, who runs the
 * migrations). So a flaw in the app — or its stolen password — cannot switch the audit off.
 *
 *  - Embedded PostgreSQL: the launcher creates the role `trafficops_app` (its password
 *    derived from the owner's, so nothing more is stored) and gives Next.js its URL.
 *  - Your own PostgreSQL: set DATABASE_URL to the app's role and DATABASE_OWNER_URL to the
 *    owner's; migrations run as the owner and grant the app's role what it needs. With
 *    DATABASE_URL alone, one role does both: the audit stays tamper-evident (the hash
 *    chain) but that role could drop the triggers (docs/security.md).
 */
import { createHash } from "node:crypto";
import pg from "pg";
import { quoteIdent } from "./embedded-postgres";

export const APP_ROLE = "trafficops_app";

export interface DatabaseUrls {
  /** The owner: migrations, demo data, scripts. */
  ownerUrl: string;
  /** What the app connects with. */
  appUrl: string;
}

export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The app role's URL for an embedded server whose owner URL is given. */
export function embeddedAppUrl(ownerUrl: string): string {
  const u = new URL(ownerUrl);
  const password = createHash("sha256")
    .update(`${decodeURIComponent(u.password)}\0${APP_ROLE}`)
    .digest("base64url")
    .slice(0, 32);
  u.username = APP_ROLE;
  u.password = encodeURIComponent(password);
  return u.toString();
}

/** Creates (or re-keys) the embedded server's app role. Needs an owner allowed to create roles. */
export async function ensureEmbeddedAppRole(ownerUrl: string): Promise<string> {
  const appUrl = embeddedAppUrl(ownerUrl);
  const password = decodeURIComponent(new URL(appUrl).password);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    const verb = rowCount ? "ALTER" : "CREATE";
    // Role DDL takes no bind parameters; the password is ours (base64url), quoted anyway.
    await client.query(
      `${verb} ROLE ${quoteIdent(APP_ROLE)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD '${password.replace(/'/g, "''")}'`,
    );
  } finally {
    await client.end();
  }
  await grantAppRole(ownerUrl, APP_ROLE);
  return appUrl;
}

/**
 * What the app's role may do, granted again after every migration run so new tables are
 * covered: data read and write, sequences, temporary tables; on audit_logs INSERT and
 * SELECT only; nothing on the chain heads and the migrations table but SELECT.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  if (role === roleOf(ownerUrl)) return;
  const r = quoteIdent(role);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string; schema: string }>(
      "SELECT current_database() AS db, current_schema() AS schema",
    );
    const s = quoteIdent(rows[0].schema);
    await client.query(`
      GRANT CONNECT, TEMPORARY ON DATABASE ${quoteIdent(rows[0].db)} TO ${r};
      GRANT USAGE ON SCHEMA ${s} TO ${r};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r};
      REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_logs FROM ${r};
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_chain_heads, "_prisma_migrations" FROM ${r};
    `);
  } finally {
    await client.end();
  }
}

/**
 * The owner and app URLs for this run: DATABASE_OWNER_URL / DATABASE_URL when set, else
 * the embedded server's owner and its app role.
 */
export async function prepareAppRole(
  ownerUrl: string,
  embedded: boolean,
  log: (l: string) => void = () => {},
): Promise<string> {
  if (embedded) return ensureEmbeddedAppRole(ownerUrl);
  const appUrl = process.env.DATABASE_URL ?? ownerUrl;
  if (roleOf(appUrl) === roleOf(ownerUrl)) {
    log(
      "one database role owns the schema and runs the app: the audit log is tamper-evident but that role could drop its triggers (set DATABASE_OWNER_URL, see docs/security.md)",
    );
    return appUrl;
  }
  await grantAppRole(ownerUrl, roleOf(appUrl));
  return appUrl;
}
