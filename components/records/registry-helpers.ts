import { dayString } from "@/lib/time";
/** A @db.Date as YYYY-MM-DD, or "" */
export const day = (d: Date | null | undefined) => dayString(d) ?? "";
