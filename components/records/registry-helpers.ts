/** A @db.Date as YYYY-MM-DD, or "" */
export const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "");
