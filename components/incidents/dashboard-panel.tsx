import { FigureCard } from "@/components/stats/figure-card";
import type { DashboardPanelProps } from "@/components/stats/dashboard/panel-props";
import { StatTableView } from "@/components/stats/stat-table";
import { Card, CardHeader } from "@/components/ui/card";
import { StaticHtml } from "@/components/ui/static-html";
import { LoadingBlock } from "@/components/ui/states";
import { can } from "@/lib/auth/actor";
import { incidentStats } from "@/lib/incidents/stats";
import { incidentTables } from "@/lib/incidents/tables";

/**
 * 接处警 on the dashboard: response times (received → dispatched, → on scene; median and
 * p90 with 同比), the share closed with a feedback call, incidents by kind and source, and
 * per brigade — from the incident records. Server-rendered tables (no chart, no client
 * JavaScript), streamed in its own Suspense boundary after the rest of the figures.
 */
export async function IncidentPanels({ actor, unitCode, period, t, locale }: DashboardPanelProps) {
  const s = await incidentStats({ actor, input: { unitCode, period } });
  const tables = incidentTables(s, { t, locale });
  const common = { t, locale, showPop: false };
  const minutes = t("incidentStats.minutes");
  const href = can(actor, "incident.view") ? "/incidents" : undefined;
  // Figures only, nothing to click but links: one HTML string, not hydrated (components/ui/static-html.tsx).
  return (
    <StaticHtml>
      <section aria-label={t("incidentStats.cards")} className="space-y-2" data-testid="dashboard-incidents">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("incidentStats.cards")}</h2>
          <p className="text-xs text-slate-500" data-testid="incidents-summary">
            {t("incidentStats.summary", {
              n: s.incidents.value ?? 0,
              dispatched: s.counts.dispatched,
              arrived: s.counts.arrived,
              closed: s.counts.closed,
            })}
          </p>
        </div>
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6">
          <FigureCard
            {...common}
            testId="card-incidents"
            label={t("incidentStats.incidents")}
            figure={s.incidents}
            href={href}
          />
          {(
            [
              ["card-dispatch-median", "incidentStats.cardDispatch", s.dispatchMedian],
              ["card-dispatch-p90", "incidentStats.cardDispatchP90", s.dispatchP90],
              ["card-arrive-median", "incidentStats.cardArrive", s.arriveMedian],
              ["card-arrive-p90", "incidentStats.cardArriveP90", s.arriveP90],
            ] as const
          ).map(([testId, label, figure]) => (
            <FigureCard
              key={testId}
              {...common}
              testId={testId}
              label={t(label)}
              figure={figure}
              unit={minutes}
              digits={1}
            />
          ))}
          <FigureCard
            {...common}
            testId="card-feedback"
            label={t("incidentStats.cardFeedback")}
            figure={s.closedWithFeedbackPct}
            unit="%"
            upIsGood
          />
        </div>
        {(s.incidents.value ?? 0) > 0 && (
          <div className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
            {[tables.byKind, tables.bySource, ...(tables.byBrigade.rows.length > 1 ? [tables.byBrigade] : [])].map(
              (tb) => (
                <Card key={tb.key} className="overflow-x-auto">
                  <CardHeader title={tb.title} />
                  <StatTableView table={tb} locale={locale} />
                </Card>
              ),
            )}
          </div>
        )}
      </section>
    </StaticHtml>
  );
}

export function IncidentPanelsLoading({ label }: { label: string }) {
  return <LoadingBlock label={label} />;
}
