/**
 * After the whole e2e suite: the audit log of its database must still be intact (issue 13:
 * `npm run audit:verify` passes after the suite). Runs the same check as audit:verify on
 * the suite's database and fails the run, naming the broken rows, when it does not hold.
 */
import fs from "node:fs";
import path from "node:path";
import { verifyAuditChain } from "../../scripts/lib/audit-chain";

export default async function globalTeardown() {
  const file = path.join(import.meta.dirname, "../.artifacts/e2e.json");
  if (!fs.existsSync(file)) return;
  const { databaseUrl } = JSON.parse(fs.readFileSync(file, "utf8")) as { databaseUrl: string };
  const r = await verifyAuditChain(databaseUrl);
  console.log(`[audit:verify] ${r.rows} audit rows in ${r.chains} chain(s): ${r.ok ? "intact" : "NOT intact"}`);
  if (!r.ok) {
    const lines = r.broken.map((b) => `  ${b.id ? `row id=${b.id}` : "chain"} (chain ${b.chain}): ${b.reason}`);
    throw new Error(`audit:verify failed after the e2e suite:\n${lines.join("\n")}`);
  }
}
