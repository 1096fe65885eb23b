/** Rows and series of a chart (components/stats/charts/bars.tsx, lines.tsx). */
export interface ChartSeries {
  key: string;
  name: string;
  color: string;
  /** A series of another unit or magnitude (accidents next to violations) gets its own scale. */
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
  /** Values are signed percentages (同比). */
  percent?: boolean;
  /** Accessible name of the chart. */
  label: string;
}
