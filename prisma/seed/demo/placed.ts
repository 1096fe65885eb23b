/**
 * What generated violations and accidents have in common: the squad that recorded them, when,
 * and where — on the squad's ground or on Zhenyuan's "death road".
 */
import type { BrigadeContext, SquadInfo } from "./context";
import { alongLine } from "./places";
import type { Rng } from "./rng";

export const DEATH_ROAD_NAME = "镇远—青溪公路（舞阳镇东关至青溪镇五里牌段）";

/** The leading columns of a generated violation or accident row. */
export interface PlacedRow {
  unit_id: string;
  unit_path: string;
  brigade_id: string;
  grid_id: string | null;
  occurred_at: Date;
  lat: number;
  lng: number;
  address: string;
  road_name: string | null;
}

export const PLACED_COLUMNS = [
  "unit_id",
  "unit_path",
  "brigade_id",
  "grid_id",
  "occurred_at",
  "lat",
  "lng",
  "address",
  "road_name",
] as const satisfies readonly (keyof PlacedRow)[];

export interface Spot {
  lat: number;
  lng: number;
  label: string;
}

/** A spot on the death road when `onRoad`, otherwise anywhere on the squad's ground (draws from `r` either way). */
export function spotFor(ctx: BrigadeContext, squad: SquadInfo, onRoad: boolean, r: Rng): Spot {
  return onRoad ? { ...alongLine(r, ctx.deathRoad!), label: DEATH_ROAD_NAME } : squad.sampler.sample(r);
}

/** The placed columns of a record of `squad` (draws nothing; the grid is filled in on writing). */
export function placedRow(ctx: BrigadeContext, squad: SquadInfo, at: Date, spot: Spot, onRoad: boolean): PlacedRow {
  return {
    unit_id: squad.id,
    unit_path: squad.path,
    brigade_id: ctx.id,
    grid_id: null,
    occurred_at: at,
    lat: spot.lat,
    lng: spot.lng,
    address: `${ctx.countyZh}${spot.label}`,
    road_name: onRoad ? DEATH_ROAD_NAME : null,
  };
}
