/**
 * Seed step "demo-records": record-level demo data (violations, accidents, operations)
 * for Zhenyuan 2018–2019, Yinjiang 2023–2024 and Zhenyuan's live days (the two full years
 * before today, so the dashboard's 同比 has a last year; 90 days with --profile=e2e).
 * Deterministic (seeded PRNG), idempotent (external_ref), written with COPY.
 */
import pg from "pg";
import { addDays, localDate } from "@/lib/time";
import type { SeedContext, SeedLedger } from "../context";
import { daysBetween } from "./calendar";
import { loadBrigade, type BrigadeContext } from "./context";
import { ACCIDENT_COLUMNS, generateAccidents, type AccidentRow } from "./gen-accidents";
import { generateOperations, OPERATION_COLUMNS } from "./gen-operations";
import { generateViolations, VIOLATION_COLUMNS } from "./gen-violations";
import { liveDayPlan, YEAR_PLANS, type YearPlan } from "./plans";
import { Rng } from "./rng";
import { uuidFrom } from "./ids";
import { writeRows } from "./writer";
import {
  ACTION_COLUMNS,
  ENTERPRISE_COLUMNS,
  FINDING_COLUMNS,
  generateHazards,
  generateRegistry,
  generateSupervision,
  HAZARD_COLUMNS,
  KEY_DRIVER_COLUMNS,
  KEY_VEHICLE_COLUMNS,
} from "./gen-safety";
import {
  COMPLAINT_COLUMNS,
  EVALUATION_COLUMNS,
  generateWindow,
  loadWindowContext,
  TICKET_COLUMNS,
  TRANSACTION_COLUMNS,
  TRIP_COLUMNS,
  type WindowContext,
  type WindowRows,
} from "./gen-window";
import { backfillBeats } from "@/lib/records/chain-backfill";
import type { CalledAccident, IncidentPeople } from "./gen-incidents";
import { loadIncidentPeople, writeIncidents } from "./write-incidents";
import { writeParties } from "@/lib/accidents/accident-data";

/** Live days written at once. */
const LIVE_CHUNK = 30;

/** Live days of the e2e profile: enough for today/week/month, quick to load before the tests. */
export const E2E_LIVE_DAYS = 90;

/**
 * Zhenyuan's live days: the two full years before today (730 days, and at least from 1 January
 * of last year), so that every period of this year and last has its 同比; 90 days in the e2e
 * profile.
 */
export function liveRange(today: string, args: string[]): { from: string; to: string } {
  if (args.includes("--profile=e2e")) return { from: addDays(today, -(E2E_LIVE_DAYS - 1)), to: today };
  const twoYears = addDays(today, -729);
  const lastJan1 = `${Number(today.slice(0, 4)) - 1}-01-01`;
  return { from: twoYears < lastJan1 ? twoYears : lastJan1, to: today };
}

/**
 * The live days still to write: those of `range` outside the last run's complete range (the
 * seed ledger's `live`, written only after the whole step succeeded), and that run's last day
 * (it was cut at the moment of the run). Newest first, so the recent days a dashboard opens on
 * come first while `npm run dev` loads in the background.
 */
export function liveDaysToWrite(range: { from: string; to: string }, done: { from: string; to: string } | null) {
  return daysBetween(range.from, range.to)
    .filter((d) => !done || d < done.from || d >= done.to)
    .reverse();
}

/** The live range the last successful run completed (seed ledger), if any. */
async function liveDone(pool: pg.Pool): Promise<{ from: string; to: string } | null> {
  const { rows } = await pool.query<{ live: { from: string; to: string } | null }>(
    `SELECT after->'live' AS live FROM audit_logs WHERE action = 'seed.run' AND after ? 'live' ORDER BY at DESC LIMIT 1`,
  );
  const live = rows[0]?.live;
  return live && typeof live.from === "string" && typeof live.to === "string" ? live : null;
}

export async function seedDemoRecords(ctx: SeedContext & { ledger?: SeedLedger }) {
  if ((await ctx.db.violationType.count()) === 0) {
    ctx.log("  demo records skipped: the violation catalogue is empty (seed step violation-types)");
    return;
  }
  const pool = new pg.Pool({ connectionString: ctx.url, max: 2 });
  const brigades = new Map<string, Brigade>();
  const brigade = async (code: string) => {
    if (!brigades.has(code)) {
      const b = await loadBrigade(pool, code);
      const registry = generateRegistry(b, new Rng(`${code}:registry`), localDate(ctx.now));
      await writeRows(pool, "transport_enterprises", ENTERPRISE_COLUMNS, registry.enterprises);
      await writeRows(pool, "key_vehicles", KEY_VEHICLE_COLUMNS, registry.vehicles);
      await writeRows(pool, "key_drivers", KEY_DRIVER_COLUMNS, registry.drivers);
      brigades.set(code, { ...b, window: await loadWindowContext(pool, b), registry });
    }
    return brigades.get(code)!;
  };
  const totals = { violations: 0, accidents: 0, operations: 0, transactions: 0, safety: 0 };
  try {
    for (const plan of YEAR_PLANS) {
      const t0 = Date.now();
      const n = await writePlanRows(pool, planRows(await brigade(plan.brigade), plan, {}), null);
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += n[k];
      ctx.log(
        `  demo ${plan.key}: ${n.violations} violations, ${n.accidents} accidents, ${n.operations} operations, ${n.transactions} window transactions new (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      );
    }
    const today = localDate(ctx.now);
    const zy = await brigade("522625");
    const range = liveRange(today, ctx.args);
    const days = liveDaysToWrite(range, await liveDone(pool));
    const live = { violations: 0, accidents: 0, operations: 0, transactions: 0, safety: 0, incidents: 0 };
    // Incidents (接处警) are generated for the live days only, from the same day plans.
    const incidentPeople = await loadIncidentPeople(pool, zy);
    const t0 = Date.now();
    const report = (i: number) =>
      ctx.log(
        `  demo zy live days ${i}/${days.length} (${range.from} … ${range.to}): ${live.violations} violations, ${live.accidents} accidents, ${live.operations} operations, ${live.transactions} window transactions, ${live.incidents} incidents new (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
      );
    // Each day is generated on its own (its own seed, so the same records whatever the chunking);
    // a month of days is written at once.
    for (let i = 0; i < days.length; i += LIVE_CHUNK) {
      const chunk = days.slice(i, i + LIVE_CHUNK).map((day) =>
        planRows(zy, liveDayPlan(day, new Rng(`zy-live-plan:${day}`)), {
          openFrom: addDays(today, -14),
          notAfter: ctx.now,
          lenient: true,
        }),
      );
      const n = await writePlanRows(pool, mergeRows(chunk), incidentPeople && { brigade: zy, people: incidentPeople });
      for (const k of Object.keys(live) as (keyof typeof live)[]) live[k] += n[k];
      if (i + LIVE_CHUNK < days.length && (i / LIVE_CHUNK) % 3 === 2) report(i + LIVE_CHUNK);
    }
    report(days.length);
    if (ctx.ledger) ctx.ledger.live = range;
    // The demo writer stores records as they are generated; their beat on duty (record
    // chain) is derived here, like npm run backfill:chain does for any database.
    const client = await pool.connect();
    try {
      for (const b of brigades.values()) await backfillBeats(client, b.id);
    } finally {
      client.release();
    }
    await pool.query(`SELECT compact_rollups(local_day(now()) - 1)`);
    // Zhenyuan's risk thresholds (红黄绿), set for the demo's volume (~170 violations a day):
    // the default 15/40 suits a quiet brigade and would paint every grid red here.
    await pool.query(
      `INSERT INTO duty_settings (unit_id, unit_path, yellow_at, red_at, updated_at) VALUES ($1, $2, 400, 700, now())
       ON CONFLICT (unit_id) DO UPDATE SET yellow_at = 400, red_at = 700, updated_at = now()
       WHERE duty_settings.yellow_at = 15 AND duty_settings.red_at = 40`,
      [zy.id, zy.path],
    );
  } finally {
    await pool.end();
  }
}

type Brigade = BrigadeContext & { window: WindowContext; registry: ReturnType<typeof generateRegistry> };

/** A plan's rows, generated (deterministic) and not yet written. */
interface PlanRows {
  violations: ReturnType<typeof generateViolations>;
  accidents: (AccidentRow & { id: string })[];
  operations: ReturnType<typeof generateOperations>;
  window: Omit<WindowRows, "sequences"> & { sequences: { hallId: string; day: string; letter: string; seq: number }[] };
  hazards: ReturnType<typeof generateHazards>;
  findings: Record<string, unknown>[];
  actions: Record<string, unknown>[];
  /** Each day's period and accidents, for its incidents (generated per day, like the rest). */
  days: { period: { from: string; to: string; key: string }; accidents: CalledAccident[]; notAfter?: Date }[];
}

function planRows(b: Brigade, plan: YearPlan, opts: { openFrom?: string; notAfter?: Date; lenient?: boolean }) {
  const period = { from: plan.from, to: plan.to, key: plan.key };
  const keep = <T extends { occurred_at?: Date; starts_at?: Date }>(rows: T[]) =>
    opts.notAfter ? rows.filter((x) => (x.occurred_at ?? x.starts_at)! <= opts.notAfter!) : rows;
  // Ids come from their own seeded stream, assigned before any filtering: a rerun gives the
  // same set of ids and collides on the primary key even if the unit tree changed in between
  // (a new squad shifts which squad a record lands in, and so its (unit, external_ref) key).
  const withIds = <T extends object>(rows: T[], stream: string) => {
    const r = new Rng(`${plan.key}:ids:${stream}`);
    return rows.map((row) => ({ id: uuidFrom(r), ...row }));
  };
  const violations = keep(
    withIds(generateViolations(b, plan.violations, period, new Rng(`${plan.key}:violations`), opts), "v"),
  );
  for (const v of violations) v.grid_id = b.gridAt(v);
  const accidents = keep(
    withIds(generateAccidents(b, plan.accidents, period, new Rng(`${plan.key}:accidents`), opts), "a"),
  );
  for (const a of accidents) a.grid_id = b.gridAt(a);
  const operations = keep(
    withIds(generateOperations(b, plan.operations, period, new Rng(`${plan.key}:operations`)), "o"),
  );
  const rows: PlanRows = {
    violations,
    accidents,
    operations,
    window: { trips: [], tickets: [], transactions: [], evaluations: [], complaints: [], sequences: [] },
    hazards: plan.hazards ? generateHazards(b, plan.hazards, period, new Rng(`${plan.key}:hazards`), opts) : [],
    findings: [],
    actions: [],
    days: [{ period, accidents, notAfter: opts.notAfter }],
  };
  if (plan.keyVehicles) {
    const s = generateSupervision(b, b.registry, plan.keyVehicles, period, new Rng(`${plan.key}:supervision`));
    rows.findings = s.findings;
    rows.actions = s.actions;
  }
  if (plan.window && b.window.hall) {
    const w = generateWindow(b, b.window, plan.window, period, new Rng(`${plan.key}:window`), opts);
    const cut = opts.notAfter;
    const tx = cut ? w.transactions.filter((t) => (t.completed_at as Date) <= cut) : w.transactions;
    const kept = new Set(tx.map((t) => t.id));
    rows.window = {
      trips: w.trips,
      tickets: w.tickets.filter((k) => !cut || (k.completed_at as Date) <= cut),
      transactions: tx,
      evaluations: w.evaluations.filter((e) => kept.has(e.transaction_id as string)),
      complaints: w.complaints.filter((c) => kept.has(c.transaction_id as string)),
      sequences: [...w.sequences.values()],
    };
  }
  return rows;
}

/** Several plans' rows as one (live days are written a month at a time: fewer, larger statements). */
function mergeRows(all: PlanRows[]): PlanRows {
  const cat = <K extends keyof Omit<PlanRows, "window">>(k: K) => all.flatMap((r) => r[k] as unknown[]) as PlanRows[K];
  const win = <K extends keyof PlanRows["window"]>(k: K) => all.flatMap((r) => r.window[k]) as PlanRows["window"][K];
  return {
    violations: cat("violations"),
    accidents: cat("accidents"),
    operations: cat("operations"),
    hazards: cat("hazards"),
    findings: cat("findings"),
    actions: cat("actions"),
    days: cat("days"),
    window: {
      trips: win("trips"),
      tickets: win("tickets"),
      transactions: win("transactions"),
      evaluations: win("evaluations"),
      complaints: win("complaints"),
      sequences: win("sequences"),
    },
  };
}

async function writePlanRows(
  pool: pg.Pool,
  rows: PlanRows,
  incidents: { brigade: BrigadeContext; people: IncidentPeople } | null,
) {
  const w = rows.window;
  const violations = await writeRows(pool, "violations", ["id", ...VIOLATION_COLUMNS], rows.violations);
  const accidents = await writeAccidents(pool, rows.accidents);
  const operations = await writeRows(pool, "operations", ["id", ...OPERATION_COLUMNS], rows.operations);
  await writeRows(pool, "window_outreach_trips", TRIP_COLUMNS, w.trips);
  await writeRows(pool, "window_tickets", TICKET_COLUMNS, w.tickets);
  const transactions = await writeRows(pool, "window_transactions", TRANSACTION_COLUMNS, w.transactions);
  await writeRows(pool, "window_evaluations", EVALUATION_COLUMNS, w.evaluations, { touchUpdatedAt: false });
  await writeRows(pool, "window_complaints", COMPLAINT_COLUMNS, w.complaints);
  // Ticket numbering continues after the demo's numbers (one statement for all of them).
  if (w.sequences.length)
    await pool.query(
      `INSERT INTO window_ticket_sequences (hall_id, service_day, letter, last_seq)
       SELECT * FROM unnest($1::uuid[], $2::date[], $3::text[], $4::int[])
       ON CONFLICT (hall_id, service_day, letter) DO UPDATE SET last_seq = greatest(window_ticket_sequences.last_seq, EXCLUDED.last_seq)`,
      [
        w.sequences.map((x) => x.hallId),
        w.sequences.map((x) => x.day),
        w.sequences.map((x) => x.letter),
        w.sequences.map((x) => x.seq),
      ],
    );
  const safety =
    (await writeRows(pool, "hazards", HAZARD_COLUMNS, rows.hazards)) +
    (await writeRows(pool, "supervision_findings", FINDING_COLUMNS, rows.findings));
  await writeRows(pool, "supervision_actions", ACTION_COLUMNS, rows.actions, { touchUpdatedAt: false });
  const incidentsNew = incidents ? await writeIncidents(pool, incidents.brigade, incidents.people, rows.days) : 0;
  return { violations, accidents, operations, transactions, safety, incidents: incidentsNew };
}

/** Accidents and their parties, in one transaction per batch (parties of the accidents it inserted). */
function writeAccidents(pool: pg.Pool, rows: (AccidentRow & { id: string })[]): Promise<number> {
  return writeRows(pool, "accidents", ["id", ...ACCIDENT_COLUMNS], rows, {
    afterInsert: (client, batch) =>
      writeParties(
        client,
        batch.flatMap((a) =>
          a.parties.map((p) => ({
            accidentId: a.id,
            plate: p.plate,
            vehicleType: p.vehicle_type,
            name: p.name,
            idNumber: p.id_number,
            role: p.role,
            atFault: p.at_fault,
          })),
        ),
      ),
  });
}
