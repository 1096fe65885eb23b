import Link from "next/link";
import { clsx } from "clsx";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber, formatPct } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";

export interface CardFigure {
  value: number | null;
  lastYear?: number | null;
  yoyPct?: number | null;
  previous?: number | null;
  popPct?: number | null;
}

function Change({
  label,
  pct,
  base,
  upIsGood,
  locale,
  noData,
}: {
  label: string;
  pct: number | null | undefined;
  base: number | null | undefined;
  upIsGood?: boolean;
  locale: Locale;
  /** What to say when the comparison period has no data at all (base null): never a 0 or a bare "—". */
  noData: string;
}) {
  if (base === null)
    return (
      <span className="flex items-center gap-1 whitespace-nowrap" data-no-data>
        <span className="text-slate-600">{noData}</span>
      </span>
    );
  const bad = pct ? pct > 0 !== !!upIsGood : false;
  const arrow = !pct ? "" : pct > 0 ? "▲" : "▼";
  return (
    <span
      className="flex items-center gap-1 whitespace-nowrap"
      title={base !== undefined && base !== null ? `${label}: ${formatNumber(base, locale)}` : undefined}
    >
      <span className="text-slate-600">{label}</span>
      <span
        className={clsx("font-medium tabular-nums", !pct ? "text-slate-600" : bad ? "text-red-700" : "text-green-700")}
      >
        {arrow && (
          <span aria-hidden className="mr-0.5 text-[10px]">
            {arrow}
          </span>
        )}
        {formatPct(pct)}
      </span>
    </span>
  );
}

/**
 * One dashboard figure with its 同比 (same period last year) and, for short periods, 环比
 * (the period just before). Red when the change is bad news for this figure. Links are not
 * prefetched: a dashboard shows some forty drill-down links, and prefetching them all would
 * cost the server forty list queries and the browser their parsing on every load.
 */
export function FigureCard({
  label,
  figure,
  t,
  locale,
  href,
  unit,
  upIsGood,
  showPop,
  testId,
  digits,
}: {
  label: string;
  figure: CardFigure;
  t: TFunction;
  locale: Locale;
  href?: string;
  unit?: string;
  upIsGood?: boolean;
  showPop?: boolean;
  testId: string;
  digits?: number;
}) {
  const body = (
    <>
      <p className="text-xs font-medium leading-tight text-slate-600">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`${testId}-value`}>
        {formatNumber(figure.value, locale, { compact: true, digits })}
        {unit && figure.value !== null && <span className="ml-0.5 text-sm font-normal text-slate-500">{unit}</span>}
      </p>
      <div className="mt-1 flex flex-wrap gap-x-3 gap-y-0.5 text-xs">
        {figure.yoyPct !== undefined && (
          <Change
            label={t("stats.yoy")}
            pct={figure.yoyPct}
            base={figure.lastYear}
            upIsGood={upIsGood}
            locale={locale}
            noData={t("stats.noLastYear")}
          />
        )}
        {showPop && figure.popPct !== undefined && (
          <Change
            label={t("stats.pop")}
            pct={figure.popPct}
            base={figure.previous}
            upIsGood={upIsGood}
            locale={locale}
            noData={t("stats.noPrevious")}
          />
        )}
      </div>
    </>
  );
  const cls = "block rounded-lg border border-slate-200 bg-white px-3 py-2.5 shadow-sm";
  return href ? (
    <Link
      href={href}
      prefetch={false}
      className={clsx(cls, "transition hover:border-brand-300 hover:shadow")}
      data-testid={testId}
    >
      {body}
    </Link>
  ) : (
    <div className={cls} data-testid={testId}>
      {body}
    </div>
  );
}
