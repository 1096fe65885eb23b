/**
 * Workload of a grid from the Yunyang sizing factors (drivers, road km, accidents in the
 * last 12 months, order-keeping difficulty) and the staffing it suggests: road police
 * (路警) and auxiliaries (路员), "one road one police, one police N staff". A transparent
 * heuristic, shown with its parts so a commander can argue with it:
 *   workload = (drivers / 1000 + road km × 0.5 + accidents(12 months)) × difficulty / 3
 *   police = ⌈workload / 25⌉ (at least 1), auxiliaries = ⌈workload / 8⌉ (at least 1)
 */
export interface GridFactors {
  drivers: number | null;
  roadKm: number | null;
  accidents12m: number;
  difficulty: number;
  availablePolice: number | null;
}

export interface Staffing {
  workload: number;
  parts: { drivers: number; roadKm: number; accidents: number; difficultyFactor: number };
  police: number;
  auxiliaries: number;
  /** Suggested police beyond the police available to the grid (0 when enough or unknown). */
  policeShortfall: number;
}

export const STAFFING_RULE = {
  driversPer: 1000,
  perRoadKm: 0.5,
  perAccident: 1,
  perPolice: 25,
  perAuxiliary: 8,
} as const;

export function suggestStaffing(f: GridFactors): Staffing {
  const parts = {
    drivers: (f.drivers ?? 0) / STAFFING_RULE.driversPer,
    roadKm: (f.roadKm ?? 0) * STAFFING_RULE.perRoadKm,
    accidents: f.accidents12m * STAFFING_RULE.perAccident,
    difficultyFactor: Math.min(5, Math.max(1, f.difficulty)) / 3,
  };
  const workload = Math.round((parts.drivers + parts.roadKm + parts.accidents) * parts.difficultyFactor * 10) / 10;
  const police = Math.max(1, Math.ceil(workload / STAFFING_RULE.perPolice));
  const auxiliaries = Math.max(1, Math.ceil(workload / STAFFING_RULE.perAuxiliary));
  const policeShortfall = f.availablePolice === null ? 0 : Math.max(0, police - f.availablePolice);
  return { workload, parts, police, auxiliaries, policeShortfall };
}
