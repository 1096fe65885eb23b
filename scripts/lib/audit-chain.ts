/**
 * Recomputes the audit log's hash chains (see the audit_chain migration) from the stored
 * rows, independently of the database's sealing function: every row's hash must be
 * sha256(previous hash | its content), positions must run 1, 2, 3… without gaps, and each
 * chain's last row must be the head the database recorded (a cut tail shows). Used by
 * `npm run audit:verify` and the tests.
 */
import { createHash } from "node:crypto";
import pg from "pg";

export const GENESIS = "0".repeat(64);

/** The columns a hash covers, in order, as the database renders them (audit_row_text). */
const FIELDS = [
  "id",
  "chain",
  "seq",
  "at_ms",
  "actor_user_id",
  "actor_token_id",
  "actor_name",
  "actor_role",
  "unit_id",
  "unit_path",
  "action",
  "entity",
  "entity_id",
  "before",
  "after",
  "ip",
  "request_id",
] as const;

type Row = Record<(typeof FIELDS)[number] | "prev_hash" | "hash", string | null>;

export function rowText(r: Row): string {
  return FIELDS.map((f) => {
    const v = r[f];
    return v === null ? "-" : `${Buffer.byteLength(v, "utf8")}:${v}`;
  }).join("|");
}

export function rowHash(prev: string, r: Row): string {
  return createHash("sha256")
    .update(`${prev}|${rowText(r)}`, "utf8")
    .digest("hex");
}

export interface Broken {
  id: string | null;
  chain: string;
  seq: string | null;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  chains: number;
  /** The first broken row of each broken chain, in chain order. */
  broken: Broken[];
  /** sha256 over every chain head: write it down (or send it off this machine) to notice a rewrite of whole chains. */
  anchor: string;
}

const SELECT = `
  SELECT id::text, chain, chain_seq::text AS seq, prev_hash, hash,
         ((extract(epoch FROM at) * 1000)::bigint)::text AS at_ms,
         actor_user_id::text, actor_token_id::text, actor_name, actor_role,
         unit_id::text, unit_path, action, entity, entity_id,
         before::text AS before, after::text AS after, ip, request_id
    FROM audit_logs`;

export async function verifyAuditChain(
  url: string,
  opts: { batch?: number; onProgress?: (rows: number) => void } = {},
): Promise<VerifyResult> {
  const batch = opts.batch ?? 5_000;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One snapshot for the whole check, so rows committed meanwhile do not look missing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const broken: Broken[] = [];
    const heads = new Map(
      (
        await client.query<{ chain: string; seq: string; hash: string }>(
          "SELECT chain, seq::text, hash FROM audit_chain_heads ORDER BY chain",
        )
      ).rows.map((h) => [h.chain, h]),
    );
    const unsealed = await client.query<{ id: string; chain: string | null }>(
      `SELECT id::text, chain FROM audit_logs WHERE hash IS NULL OR chain_seq IS NULL OR chain IS NULL ORDER BY id LIMIT 1`,
    );
    if (unsealed.rows[0]) {
      const u = unsealed.rows[0];
      broken.push({
        id: u.id,
        chain: u.chain ?? "?",
        seq: null,
        reason: "row is not in any chain (written around the sealing trigger)",
      });
    }

    let rows = 0;
    let chains = 0;
    let chain: string | null = null;
    let prev = GENESIS;
    let expect = 1n;
    let chainBroken = false;
    const seen = new Set<string>();
    const endChain = () => {
      if (chain === null) return;
      const head = heads.get(chain);
      if (!chainBroken) {
        if (!head) broken.push({ id: null, chain, seq: null, reason: "chain has no head" });
        else if (head.seq !== String(expect - 1n) || head.hash !== prev)
          broken.push({
            id: null,
            chain,
            seq: head.seq,
            reason: `rows after seq ${expect - 1n} are missing (head says seq ${head.seq})`,
          });
      }
    };
    let after: [string, string] | null = null;
    for (;;) {
      const res: pg.QueryResult<Row> = after
        ? await client.query<Row>(
            `${SELECT} WHERE chain_seq IS NOT NULL AND (chain, chain_seq) > ($1, $2::bigint) ORDER BY chain, chain_seq LIMIT ${batch}`,
            after,
          )
        : await client.query<Row>(`${SELECT} WHERE chain_seq IS NOT NULL ORDER BY chain, chain_seq LIMIT ${batch}`);
      for (const r of res.rows) {
        rows++;
        if (r.chain !== chain) {
          endChain();
          chain = r.chain as string;
          seen.add(chain);
          chains++;
          prev = GENESIS;
          expect = 1n;
          chainBroken = false;
        }
        if (chainBroken) continue;
        const c = chain as string;
        const fail = (reason: string) => {
          broken.push({ id: r.id, chain: c, seq: r.seq, reason });
          chainBroken = true;
        };
        if (BigInt(r.seq as string) !== expect)
          fail(expect === 1n ? `chain starts at seq ${r.seq}` : `seq ${expect} is missing (next is ${r.seq})`);
        else if (r.prev_hash !== prev) fail("previous-hash link does not match the row before it");
        else if (rowHash(prev, r) !== r.hash) fail("content does not match its hash (the row was changed)");
        prev = r.hash as string;
        expect++;
      }
      opts.onProgress?.(rows);
      if (res.rows.length < batch) break;
      const last = res.rows[res.rows.length - 1];
      after = [last.chain as string, last.seq as string];
    }
    endChain();
    for (const [name, head] of heads) {
      if (!seen.has(name))
        broken.push({ id: null, chain: name, seq: head.seq, reason: "every row of this chain is missing" });
    }
    await client.query("COMMIT");
    const anchor = createHash("sha256")
      .update([...heads.values()].map((h) => `${h.chain}:${h.seq}:${h.hash}`).join("\n"))
      .digest("hex");
    return { ok: broken.length === 0, rows, chains, broken, anchor };
  } finally {
    await client.end();
  }
}
