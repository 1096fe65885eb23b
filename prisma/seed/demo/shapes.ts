/**
 * The shape of enforcement in a county: which squads see which violations, at what hour
 * and on which days. Demo assumptions drawn from the source articles: urban parking and
 * signals; rural helmets, vans and market days (逢场); night drink-driving checks,
 * heavier on Friday and Saturday nights; speeding on the death road.
 */
import { isHoliday, isMarketDay, season, weekday } from "./calendar";

export type HourProfile = "day" | "commute" | "night" | "market" | "freight" | "flat" | "accident";

const H: Record<HourProfile, number[]> = {
  //       0    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16   17   18   19   20   21   22   23
  day: [1, 1, 0.5, 0.5, 0.5, 1, 3, 6, 9, 10, 10, 9, 7, 7, 9, 10, 10, 9, 7, 5, 3, 2, 2, 1],
  commute: [2, 1, 1, 1, 1, 2, 5, 10, 11, 8, 7, 7, 8, 7, 7, 7, 8, 10, 11, 8, 6, 4, 3, 2],
  night: [8, 6, 4, 2, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 2, 2, 1, 1, 1, 2, 4, 7, 10, 12, 12, 10],
  market: [0.5, 0.2, 0.2, 0.2, 0.5, 1, 4, 9, 12, 12, 11, 10, 8, 6, 5, 5, 5, 5, 4, 3, 2, 1, 1, 0.5],
  freight: [6, 6, 5, 5, 5, 4, 4, 4, 5, 6, 6, 6, 5, 5, 6, 6, 5, 4, 4, 4, 5, 6, 6, 6],
  flat: [2, 1, 1, 1, 1, 2, 4, 7, 8, 8, 8, 8, 7, 7, 8, 8, 8, 8, 7, 6, 5, 4, 3, 2],
  accident: [3, 2, 2, 1.5, 1.5, 2, 4, 8, 9, 7, 7, 8, 8, 6, 6, 7, 8, 10, 10, 9, 7, 6, 5, 4],
};

export interface TypeShape {
  hours: HourProfile;
  /** Share in the urban squad (the rest goes to rural squads). */
  urban: number;
  /** Share of the rural part that happens on the death road (squad 02 only). */
  deathRoad: number;
  camera: number;
  marketDays: boolean;
  weekendNights: boolean;
  vehicle: string | null;
}

const base: TypeShape = {
  hours: "flat",
  urban: 0.3,
  deathRoad: 0,
  camera: 0,
  marketDays: false,
  weekendNights: false,
  vehicle: "small_car",
};

const SHAPES: Record<string, Partial<TypeShape>> = {
  drink_driving: { hours: "night", urban: 0.45, weekendNights: true },
  drink_driving_commercial: { hours: "night", urban: 0.3, weekendNights: true, vehicle: "medium_bus" },
  drunk_driving: { hours: "night", urban: 0.45, weekendNights: true },
  illegal_parking: { hours: "day", urban: 0.86, camera: 0.55 },
  coach_passenger_overload: { hours: "day", urban: 0.2, vehicle: "coach" },
  passenger_car_overload: { hours: "market", urban: 0.1, marketDays: true, vehicle: "rural_van" },
  no_helmet: { hours: "market", urban: 0.25, marketDays: true, vehicle: "motorcycle" },
  ebike_no_helmet: { hours: "commute", urban: 0.55, vehicle: "e_bike" },
  ebike_violation: { hours: "commute", urban: 0.6, vehicle: "e_bike" },
  low_speed_vehicle_violation: { hours: "market", urban: 0.15, marketDays: true, vehicle: "low_speed_vehicle" },
  unlicensed_driving: { hours: "market", urban: 0.2, marketDays: true, vehicle: "motorcycle" },
  truck_overload: { hours: "freight", urban: 0.1, deathRoad: 0.5, vehicle: "heavy_truck" },
  load_spillage: { hours: "freight", urban: 0.5, vehicle: "light_truck" },
  muck_truck_violation: { hours: "freight", urban: 0.7, vehicle: "muck_truck" },
  concrete_mixer_violation: { hours: "freight", urban: 0.6, vehicle: "concrete_mixer" },
  hazmat_transport_violation: { hours: "freight", urban: 0.1, deathRoad: 0.6, vehicle: "hazmat_truck" },
  speeding_over_50: { hours: "commute", urban: 0, deathRoad: 1, camera: 0.75 },
  speeding_20_50: { hours: "commute", urban: 0.05, deathRoad: 0.8, camera: 0.8 },
  speeding_under_20: { hours: "commute", urban: 0.1, deathRoad: 0.7, camera: 0.9 },
  red_light: { hours: "commute", urban: 0.9, camera: 0.92 },
  not_yielding_pedestrians: { hours: "commute", urban: 0.9, camera: 0.85 },
  phone_while_driving: { hours: "commute", urban: 0.6, camera: 0.6 },
  no_seat_belt: { hours: "commute", urban: 0.35, deathRoad: 0.5, camera: 0.5 },
  wrong_way: { hours: "commute", urban: 0.4, deathRoad: 0.5, camera: 0.4 },
  overdue_inspection: { hours: "day", urban: 0.3, deathRoad: 0.3, camera: 0.3 },
  fatigue_driving: { hours: "night", urban: 0.1, deathRoad: 0.6, vehicle: "heavy_truck" },
  fake_plate: { hours: "day", urban: 0.4 },
  no_plate: { hours: "market", urban: 0.2, marketDays: true, vehicle: "motorcycle" },
  illegal_modification: { hours: "day", urban: 0.5 },
  pedestrian_red_light: { hours: "commute", urban: 1, vehicle: null },
  pedestrian_on_expressway: { hours: "flat", urban: 0, vehicle: null },
  highway_illegal_stop: { hours: "flat", urban: 0 },
};

export function shapeOf(typeKey: string): TypeShape {
  return { ...base, ...SHAPES[typeKey] };
}

export function hourWeights(profile: HourProfile): number[] {
  return H[profile];
}

/** How busy a day is for this kind of violation in this squad. */
export function dayWeight(day: string, shape: TypeShape, rural: boolean, marketOffset: number): number {
  const dow = weekday(day);
  let w = season(day);
  if (isHoliday(day)) w *= shape.hours === "night" ? 1.6 : 1.25;
  if (shape.weekendNights && (dow === 5 || dow === 6)) w *= 2.6; // Fri/Sat night checks
  if (shape.hours === "commute" && (dow === 0 || dow === 6)) w *= 0.8;
  if (shape.marketDays && rural && isMarketDay(day, marketOffset)) w *= 2.8; // 逢场必查
  return w;
}
