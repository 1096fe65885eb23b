import type { Db } from "@/lib/db-client";

export interface SeedContext {
  db: Db;
  /** Connection string, for steps that stream with COPY. */
  url: string;
  log: (line: string) => void;
  /** "Today" for generated data, fixed by the caller so reruns agree. */
  now: Date;
  /** Command-line arguments (e.g. --scale=…), for steps that take options. */
  args: string[];
}

/** What a step completed, recorded in the seed ledger (the `seed.run` audit row) by runSeed. */
export type SeedLedger = Record<string, unknown>;

export interface SeedStepContext extends SeedContext {
  ledger: SeedLedger;
}

export interface SeedStep {
  name: string;
  /**
   * "base": units, users, catalogues, geometry — needed before anyone signs in.
   * "records": record-level demo data; `npm run dev` loads it in the background.
   */
  phase?: "base" | "records";
  run(ctx: SeedStepContext): Promise<void>;
}
