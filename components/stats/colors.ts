/** Chart colours shared by the dashboard and the report (brand blue for this period, slate for the comparison). */
export const COLORS = {
  thisYear: "#1f55c4",
  lastYear: "#94a3b8",
  accidents: "#dc2626",
  window: "#0f766e",
  good: "#16a34a",
  bad: "#dc2626",
  neutral: "#64748b",
  hazards: "#d97706",
} as const;
