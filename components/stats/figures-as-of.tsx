import { Alert } from "@/components/ui/states";
import { readLag } from "@/lib/db-read";
import { formatTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";

/**
 * "Figures as of 08:02:13": shown on dashboards and reports when they are served by a
 * read replica that is more than a few seconds behind the primary (lib/db-read.ts).
 * Renders nothing otherwise.
 */
export async function FiguresAsOf() {
  const lag = await readLag();
  if (!lag) return null;
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  return (
    <div data-testid="figures-as-of">
      <Alert tone="info">
        {t("stats.figuresAsOf", {
          time: formatTime(lag.asOf, locale),
          seconds: Math.round(lag.lagMs / 1000),
        })}
      </Alert>
    </div>
  );
}
