/**
 * The demo data set, in dependency order. Each step is idempotent (upserts), so the
 * whole seed can run again safely. Domains append their steps here.
 */
import type { SeedContext, SeedLedger, SeedStep } from "./context";
import { seedUnits } from "./units";
import { seedUsers } from "./users";
import { seedViolationTypes } from "./violation-types";
import { seedDemoRecords } from "./demo";
import { seedDuty } from "./duty";
import { seedWindow } from "./window";

export const SEED_STEPS: SeedStep[] = [
  { name: "units", run: seedUnits },
  { name: "users", run: seedUsers },
  { name: "violation-types", run: seedViolationTypes },
  { name: "duty", run: seedDuty },
  { name: "window", run: seedWindow },
  { name: "demo-records", phase: "records", run: seedDemoRecords },
];

export interface SeedSelection {
  only?: string[];
  phase?: "base" | "records";
}

export async function runSeed(ctx: SeedContext, sel: SeedSelection = {}) {
  const steps = SEED_STEPS.filter(
    (s) => (!sel.only || sel.only.includes(s.name)) && (!sel.phase || (s.phase ?? "base") === sel.phase),
  );
  const ledger: SeedLedger = {};
  for (const step of steps) {
    const t0 = Date.now();
    await step.run({ ...ctx, ledger });
    ctx.log(`  ✓ ${step.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  // The audit log is also the seed ledger: the launcher looks here to know what ran.
  await ctx.db.auditLog.create({
    data: {
      actorName: "seed",
      actorRole: "SYSTEM",
      action: "seed.run",
      entity: "database",
      after: { phase: sel.phase ?? "all", steps: steps.map((s) => s.name), ...ledger } as object,
    },
  });
}
