/**
 * Shift kinds of a beat and their usual local hours (the roster board pre-fills these).
 * 护学岗 school guard posts run up to four times a day (Yinjiang); 逢场 market days follow
 * the township calendar; Fri/Sat night checks target drink driving (Liaocheng).
 */
export const SHIFT_KINDS = [
  "morning_peak",
  "evening_peak",
  "school_guard",
  "market_day",
  "night_check",
  "road_chief",
  "custom",
] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

export interface ShiftPreset {
  kind: ShiftKind;
  /** local "HH:MM"; an end at or before the start means the next day */
  from: string;
  to: string;
  /** for school guard: which of the day's posts (1–4) */
  slot?: number;
}

export const SHIFT_PRESETS: ShiftPreset[] = [
  { kind: "morning_peak", from: "07:00", to: "09:00" },
  { kind: "evening_peak", from: "17:00", to: "19:00" },
  { kind: "school_guard", from: "07:20", to: "08:20", slot: 1 },
  { kind: "school_guard", from: "11:20", to: "12:20", slot: 2 },
  { kind: "school_guard", from: "13:50", to: "14:40", slot: 3 },
  { kind: "school_guard", from: "16:40", to: "17:40", slot: 4 },
  { kind: "market_day", from: "08:00", to: "14:00" },
  { kind: "night_check", from: "20:00", to: "02:00" },
  { kind: "road_chief", from: "08:00", to: "08:00" },
  { kind: "custom", from: "09:00", to: "17:00" },
];

export const SHIFT_COLOURS: Record<ShiftKind, string> = {
  morning_peak: "bg-sky-50 border-sky-300",
  evening_peak: "bg-indigo-50 border-indigo-300",
  school_guard: "bg-amber-50 border-amber-300",
  market_day: "bg-lime-50 border-lime-300",
  night_check: "bg-slate-100 border-slate-400",
  road_chief: "bg-rose-50 border-rose-300",
  custom: "bg-white border-slate-300",
};
