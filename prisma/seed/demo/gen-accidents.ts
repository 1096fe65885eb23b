/** Individual accidents for one plan: exact totals of fatal/injury accidents, deaths and injured. */
import { daysBetween, instant } from "./calendar";
import type { BrigadeContext } from "./context";
import { idNumber, personName, plate } from "./people";
import { PLACED_COLUMNS, placedRow, spotFor, type PlacedRow } from "./placed";
import type { AccidentPlan } from "./plans";
import { allocate, type Rng } from "./rng";
import { dayWeight, hourWeights, shapeOf } from "./shapes";

export interface AccidentRow extends PlacedRow {
  road_type: string;
  weather: string;
  cause: string;
  deaths: number;
  injured: number;
  property_loss_yuan: number;
  severity: string;
  major: boolean;
  hit_and_run: boolean;
  hit_and_run_solved: boolean;
  handling: string;
  rescue_fund_yuan: number;
  status: string;
  external_ref: string;
  parties: {
    plate: string | null;
    vehicle_type: string | null;
    name: string;
    id_number: string;
    role: string;
    at_fault: boolean;
  }[];
}

export const ACCIDENT_COLUMNS = [
  ...PLACED_COLUMNS,
  "road_type",
  "weather",
  "cause",
  "deaths",
  "injured",
  "property_loss_yuan",
  "severity",
  "major",
  "hit_and_run",
  "hit_and_run_solved",
  "handling",
  "rescue_fund_yuan",
  "status",
  "external_ref",
] as const;

const CAUSES = [
  ["speeding", 18],
  ["failure_to_yield", 16],
  ["improper_lane_change", 12],
  ["following_too_close", 12],
  ["drink_driving", 5],
  ["fatigue", 4],
  ["wrong_way", 6],
  ["unlicensed", 4],
  ["vehicle_defect", 3],
  ["overloading", 3],
  ["improper_overtaking", 9],
  ["other", 8],
] as const;
const WEATHER = [
  ["sunny", 45],
  ["cloudy", 25],
  ["rain", 22],
  ["fog", 5],
  ["snow_ice", 3],
] as const;
const ROAD = [
  ["county", 30],
  ["township", 22],
  ["urban", 25],
  ["provincial", 12],
  ["national", 6],
  ["village", 5],
] as const;
const VEHICLES = [
  ["small_car", 45],
  ["motorcycle", 22],
  ["light_truck", 8],
  ["heavy_truck", 5],
  ["e_bike", 8],
  ["rural_van", 5],
  ["tricycle", 4],
  ["coach", 1],
  ["low_speed_vehicle", 2],
] as const;

/** Spreads `extra` units over `n` slots, at most `cap` extra per slot. */
function spread(r: Rng, n: number, extra: number, cap: number): number[] {
  const out = new Array(n).fill(0);
  if (extra > n * cap) throw new Error("demo plan: cannot spread that many");
  for (let left = extra; left > 0;) {
    const i = r.int(0, n - 1);
    if (out[i] < cap) {
      out[i]++;
      left--;
    }
  }
  return out;
}

export function generateAccidents(
  ctx: BrigadeContext,
  plan: AccidentPlan,
  period: { from: string; to: string; key: string },
  r: Rng,
  opts: { openFrom?: string } = {},
): AccidentRow[] {
  const days = daysBetween(period.from, period.to);
  const property = plan.total - plan.fatal - plan.injuryAccidents;
  if (property < 0) throw new Error("demo plan: more fatal/injury accidents than accidents");
  // Deaths: one per fatal accident, the rest spread (major accidents get 3+).
  const extraDeaths = spread(r, plan.fatal, plan.deaths - plan.fatal - plan.major * 2, 1);
  const deaths = extraDeaths.map((x, i) => 1 + x + (i < plan.major ? 2 : 0));
  // Injured: one per injury accident; the rest mostly on injury accidents, some on fatal ones.
  const extraInjured = plan.injured - plan.injuryAccidents;
  const toFatal = Math.min(Math.round(extraInjured * 0.25), plan.fatal * 3);
  const injuredFatal = spread(r, plan.fatal, toFatal, 3);
  const injuredInjury = spread(r, plan.injuryAccidents, extraInjured - toFatal, 5).map((x) => x + 1);
  const kinds = r.shuffle([
    ...deaths.map((d, i) => ({ deaths: d, injured: injuredFatal[i] })),
    ...injuredInjury.map((j) => ({ deaths: 0, injured: j })),
    ...Array.from({ length: property }, () => ({ deaths: 0, injured: 0 })),
  ]);

  const shape = shapeOf("accident");
  const perSquad = allocate(
    plan.total,
    ctx.squads.map((q) => (q.rural ? 1 : 1.6)),
  );
  const slots: { squadIndex: number; day: string }[] = [];
  ctx.squads.forEach((q, si) => {
    const perDay = allocate(
      perSquad[si],
      days.map((d) => dayWeight(d, { ...shape, hours: "accident" }, q.rural, q.marketOffset) * (0.7 + 0.6 * r.next())),
    );
    days.forEach((day, di) => {
      for (let k = 0; k < perDay[di]; k++) slots.push({ squadIndex: si, day });
    });
  });
  r.shuffle(slots);

  // Death-road fatal accidents: only before the squads' zero-death run (July 2018 on).
  let roadFatalLeft = plan.deathRoadFatal ?? 0;
  const roadSquad = ctx.squads.findIndex((q) => q.code === ctx.deathRoadSquad);
  const hours = hourWeights("accident");
  return kinds.map((k, i) => {
    const slot = slots[i];
    const squad = ctx.squads[slot.squadIndex];
    let onRoad = false;
    if (ctx.deathRoad && slot.squadIndex === roadSquad) {
      if (k.deaths > 0) {
        onRoad = roadFatalLeft > 0 && (!plan.deathRoadFatalUntil || slot.day <= plan.deathRoadFatalUntil);
        if (onRoad) roadFatalLeft--;
      } else onRoad = r.chance(0.35);
    }
    const spot = spotFor(ctx, squad, onRoad, r);
    const severity = k.deaths > 0 ? "fatal" : k.injured > 0 ? "injury" : "property";
    const hour = r.weighted(
      hours.map((w, h) => [h, w * (severity === "fatal" && (h >= 19 || h < 5) ? 1.8 : 1)] as const),
    );
    const hitAndRun = r.chance(severity === "property" ? 0.015 : 0.04);
    const handling =
      severity === "property"
        ? r.weighted([
            ["quick", 0.55],
            ["remote_video", 0.2],
            ["onsite", 0.25],
          ] as const)
        : "onsite";
    const nParties =
      severity === "property"
        ? r.weighted([
            [2, 0.8],
            [1, 0.15],
            [3, 0.05],
          ] as const)
        : r.weighted([
            [1, 0.3],
            [2, 0.6],
            [3, 0.1],
          ] as const);
    const open = opts.openFrom && slot.day >= opts.openFrom;
    // Drawn before the fields below, as it always was: the call order of `r` is fixed.
    const at = instant(slot.day, hour * 60 + r.int(0, 59));
    // Object.assign, not a spread: a spread followed by this many fields is ~15× slower in V8.
    return Object.assign(placedRow(ctx, squad, at, spot, onRoad), {
      road_type: onRoad ? "county" : squad.rural ? r.weighted(ROAD.filter(([x]) => x !== "urban")) : "urban",
      weather: r.weighted(WEATHER),
      cause: r.weighted(CAUSES),
      deaths: k.deaths,
      injured: k.injured,
      property_loss_yuan: severity === "property" ? r.int(3, 120) * 100 : r.int(20, 400) * 100,
      severity,
      major: k.deaths >= 3,
      hit_and_run: hitAndRun,
      hit_and_run_solved: hitAndRun && r.chance(0.8),
      handling,
      rescue_fund_yuan: severity !== "property" && r.chance(0.12) ? r.int(5, 60) * 1000 : 0,
      status: open && r.chance(0.4) ? "open" : "closed",
      external_ref: `demo:${period.key}:a:${String(i + 1).padStart(5, "0")}`,
      parties: Array.from({ length: nParties }, (_, p) => {
        const vt = r.weighted(VEHICLES);
        return {
          plate: vt === "e_bike" ? null : plate(r, ctx.platePrefix),
          vehicle_type: vt,
          name: personName(r),
          id_number: idNumber(r, ctx.region),
          role: "driver",
          at_fault: p === 0,
        };
      }),
    });
  });
}
