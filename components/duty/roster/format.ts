import { localDate, localHhmm } from "@/lib/time";

/** "07:00–09:00", with "+1" when the shift ends on a later day. */
export function shiftSpan(startsAt: string, endsAt: string): string {
  const s = new Date(startsAt);
  const e = new Date(endsAt);
  const plus = localDate(e) !== localDate(s) ? "⁺¹" : "";
  return `${localHhmm(s)}–${localHhmm(e)}${plus}`;
}

export const WEEKDAYS = {
  zh: ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
} as const;
