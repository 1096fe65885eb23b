/** Individual violations for one plan, with exact totals per type, detentions and seizures. */
import { daysBetween, instant, weekday } from "./calendar";
import type { BrigadeContext, SquadInfo } from "./context";
import { idNumber, personName, plate } from "./people";
import { PLACED_COLUMNS, placedRow, spotFor, type PlacedRow } from "./placed";
import type { ViolationPlan } from "./plans";
import { allocate, type Rng } from "./rng";
import { dayWeight, hourWeights, shapeOf } from "./shapes";

export interface ViolationRow extends PlacedRow {
  plate: string | null;
  plate_color: string | null;
  vehicle_type: string | null;
  type_key: string;
  serious: boolean;
  source: string;
  driver_name: string | null;
  driver_id_number: string | null;
  licence_number: string | null;
  fine_yuan: number | null;
  points: number | null;
  licence_seized: boolean;
  detention_days: number;
  status: string;
  external_ref: string;
}

export const VIOLATION_COLUMNS: (keyof ViolationRow)[] = [
  ...PLACED_COLUMNS,
  "plate",
  "plate_color",
  "vehicle_type",
  "type_key",
  "serious",
  "source",
  "driver_name",
  "driver_id_number",
  "licence_number",
  "fine_yuan",
  "points",
  "licence_seized",
  "detention_days",
  "status",
  "external_ref",
];

const PLATE_COLOR: Record<string, string> = {
  coach: "yellow",
  heavy_truck: "yellow",
  hazmat_truck: "yellow",
  muck_truck: "yellow",
  concrete_mixer: "yellow",
  medium_bus: "yellow",
};

function counts(plan: ViolationPlan): [string, number][] {
  const fixed = Object.entries(plan.byType);
  const rest = plan.total - fixed.reduce((s, [, n]) => s + n, 0);
  if (rest < 0) throw new Error("demo plan: named types exceed the total");
  const mix = Object.entries(plan.otherMix).filter(([k]) => !(k in plan.byType));
  const spread = allocate(
    rest,
    mix.map(([, w]) => w),
  );
  return [...fixed, ...mix.map(([k], i) => [k, spread[i]] as [string, number])];
}

function squadWeights(ctx: BrigadeContext, key: string): number[] {
  const s = shapeOf(key);
  const rural = ctx.squads.filter((q) => q.rural).length || 1;
  return ctx.squads.map((q) => {
    if (!q.rural) return s.urban;
    // The death-road squad takes the road's share on top.
    const isRoadSquad = q.code === ctx.deathRoadSquad;
    return ((1 - s.urban) / rural) * (isRoadSquad && s.deathRoad > 0 ? 1 + 3 * s.deathRoad : 1);
  });
}

function fine(r: Rng, min: number, max: number): number | null {
  if (max === 0) return null;
  const steps = [min, Math.round((min + max) / 4 / 10) * 10, Math.round((min + max) / 2 / 10) * 10, max].filter(
    (x) => x >= min && x <= max,
  );
  return r.pick(steps.length ? steps : [min]);
}

export function generateViolations(
  ctx: BrigadeContext,
  plan: ViolationPlan,
  period: { from: string; to: string; key: string },
  r: Rng,
  opts: { openFrom?: string; lenient?: boolean } = {},
): ViolationRow[] {
  const days = daysBetween(period.from, period.to);
  const rows: ViolationRow[] = [];
  let seq = 0;
  for (const [key, n] of counts(plan)) {
    if (n === 0) continue;
    const type = ctx.types.get(key);
    if (!type) throw new Error(`demo: violation type ${key} is not in the catalogue`);
    const shape = shapeOf(key);
    const perSquad = allocate(n, squadWeights(ctx, key));
    ctx.squads.forEach((squad: SquadInfo, si) => {
      if (perSquad[si] === 0) return;
      const weights = days.map((d) => dayWeight(d, shape, squad.rural, squad.marketOffset) * (0.75 + 0.5 * r.next()));
      const perDay = allocate(perSquad[si], weights);
      const hours = hourWeights(shape.hours);
      days.forEach((day, di) => {
        for (let k = 0; k < perDay[di]; k++) {
          const weekendNight = shape.weekendNights && [5, 6].includes(weekday(day));
          const hour = r.weighted(
            hours.map((w, h) => [h, w * (weekendNight && (h >= 20 || h < 3) ? 1.5 : 1)] as const),
          );
          const at = instant(day, hour * 60 + r.int(0, 59), r.int(0, 59));
          const onRoad = ctx.deathRoad && squad.code === ctx.deathRoadSquad && r.chance(shape.deathRoad);
          const spot = spotFor(ctx, squad, Boolean(onRoad), r);
          const camera = r.chance(shape.camera);
          const source = camera
            ? r.weighted([
                ["camera", 0.8],
                ["video_patrol", 0.2],
              ] as const)
            : r.chance(0.03)
              ? "citizen_report"
              : "onsite";
          const vehicle = shape.vehicle === "small_car" && squad.rural && r.chance(0.35) ? "motorcycle" : shape.vehicle;
          const hasPlate = vehicle !== null && vehicle !== "e_bike" && !(key === "no_plate");
          const driverKnown = source === "onsite";
          const idNo = driverKnown ? idNumber(r, ctx.region) : null;
          const open = opts.openFrom && day >= opts.openFrom;
          // Object.assign, not a spread: a spread followed by this many fields is ~15× slower in V8.
          rows.push(
            Object.assign(placedRow(ctx, squad, at, spot, Boolean(onRoad)), {
              plate: hasPlate ? plate(r, ctx.platePrefix, vehicle === "small_car" && r.chance(0.06)) : null,
              plate_color: hasPlate ? (PLATE_COLOR[vehicle!] ?? (vehicle === "small_car" ? "blue" : "yellow")) : null,
              vehicle_type: vehicle,
              type_key: key,
              serious: type.serious,
              source,
              driver_name: driverKnown ? personName(r) : null,
              driver_id_number: idNo,
              licence_number: driverKnown && key !== "unlicensed_driving" ? idNo : null,
              fine_yuan: fine(r, type.fineMin, type.fineMax),
              points: type.points || null,
              licence_seized: false,
              detention_days: 0,
              status: open
                ? r.weighted([
                    ["recorded", 0.5],
                    ["notified", 0.35],
                    ["closed", 0.15],
                  ] as const)
                : r.chance(0.94)
                  ? "closed"
                  : "notified",
              external_ref: `demo:${period.key}:v:${String(++seq).padStart(6, "0")}`,
            }),
          );
        }
      });
    });
  }
  markExactly(
    rows,
    r,
    plan.detentionTypes,
    plan.detentions,
    (row) => {
      row.detention_days = r.pick([5, 7, 10, 15]);
    },
    opts.lenient,
  );
  markExactly(
    rows,
    r,
    plan.seizeTypes,
    plan.licencesSeized,
    (row) => {
      row.licence_seized = true;
    },
    opts.lenient,
  );
  return rows;
}

/** Applies `mark` to exactly `k` on-site records of the given types (preferring earlier types). */
function markExactly(
  rows: ViolationRow[],
  r: Rng,
  types: string[],
  k: number,
  mark: (row: ViolationRow) => void,
  lenient = false,
) {
  let left = k;
  for (const t of types) {
    if (left === 0) break;
    const candidates = rows.filter((row) => row.type_key === t && row.source === "onsite");
    const chosen = r.sample(candidates.length, Math.min(left, candidates.length));
    for (const i of chosen) mark(candidates[i]);
    left -= chosen.length;
  }
  if (left > 0 && !lenient) throw new Error(`demo: not enough ${types.join("/")} records to mark ${k}`);
}
