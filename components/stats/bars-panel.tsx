import { ChartPanel } from "@/components/stats/chart-panel";
import { Bars } from "@/components/stats/charts/bars";
import type { ChartRow, ChartSeries } from "@/components/stats/charts/types";
import type { Locale } from "@/lib/i18n/config";
import type { StatTable } from "@/lib/stats/tables";

/**
 * A dashboard panel of horizontal bars with its table: the bars' accessible name is the
 * panel's title, and the table is drawn from its data when asked for.
 */
export function BarsPanel({
  title,
  rows,
  series,
  locale,
  table,
  ...panel
}: {
  testId: string;
  title: string;
  subtitle?: string;
  empty?: string;
  note?: string;
  rows: ChartRow[];
  series: ChartSeries[];
  locale: Locale;
  table: StatTable;
}) {
  return (
    <ChartPanel
      {...panel}
      title={title}
      chart={<Bars rows={rows} locale={locale} label={title} series={series} />}
      tableData={table}
    />
  );
}
