/** What the server hands a lazily loaded chart: plain serialisable rows and series. */
export interface ChartSeries {
  key: string;
  name: string;
  color: string;
  /** Second value axis on the right, for a series of another magnitude (accidents next to violations). */
  axis?: "right";
  dashed?: boolean;
}

export interface ChartRow {
  label: string;
  /** Where a click on this category drills down to. */
  href?: string;
  /** Per-row bar colour (risk colour, sign of a change). */
  fill?: string;
  [key: string]: string | number | null | undefined;
}

export interface ChartProps {
  rows: ChartRow[];
  series: ChartSeries[];
  height?: number;
  /** Bars running left to right with the categories down the side (long Chinese labels). */
  horizontal?: boolean;
  /** Values are signed percentages (同比). */
  percent?: boolean;
  /** Accessible name of the chart. */
  label: string;
}
