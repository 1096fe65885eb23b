/**
 * npm run audit:verify — recomputes the audit log's hash chains (DATABASE_URL, or the
 * embedded database) and names the first broken row of each broken chain. Exit code 0
 * when every chain holds, 1 when one does not (2 when the check could not run).
 */
import { verifyAuditChain } from "./lib/audit-chain";
import { redactUrl, resolveDatabase } from "./lib/database";

const db = await resolveDatabase(() => {});
let code = 0;
try {
  console.log(`Database: ${redactUrl(db.url)}`);
  const t0 = Date.now();
  const r = await verifyAuditChain(db.url);
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.ok) {
    console.log(`audit log intact: ${r.rows} rows in ${r.chains} chain(s), checked in ${s} s`);
  } else {
    for (const b of r.broken) {
      const where = b.id ? `row id=${b.id}` : "chain";
      console.log(`BROKEN ${where} (chain ${b.chain}${b.seq ? `, seq ${b.seq}` : ""}): ${b.reason}`);
    }
    console.log(
      `audit log NOT intact: ${r.broken.length} broken chain(s) of ${r.chains}, ${r.rows} rows checked in ${s} s`,
    );
    code = 1;
  }
  console.log(`anchor (sha256 of every chain head; keep a copy elsewhere): ${r.anchor}`);
} catch (err) {
  console.error(`audit:verify could not run: ${(err as Error).message}`);
  code = 2;
} finally {
  await db.stop();
}
process.exit(code);
