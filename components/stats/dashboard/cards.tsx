import { FigureCard } from "@/components/stats/figure-card";
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import type { Dashboard } from "@/lib/stats/dashboard";
import { drill, type DrillScope } from "@/lib/stats/drilldown";

export interface Links {
  violations: boolean;
  accidents: boolean;
  window: boolean;
  hazards: boolean;
  map: boolean;
}

function Group({
  title,
  children,
  cols,
  className,
}: {
  title: string;
  children: React.ReactNode;
  cols: string;
  className?: string;
}) {
  return (
    <section aria-label={title} className={className}>
      <h2 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      <div className={`grid gap-2 ${cols}`}>{children}</div>
    </section>
  );
}

/** The figures a commander reads first: accidents, violations, window, hazards, duty now. */
export function DashboardCards({
  data,
  t,
  locale,
  scope,
  links,
  showPop,
}: {
  data: Dashboard;
  t: TFunction;
  locale: Locale;
  scope: DrillScope;
  links: Links;
  showPop: boolean;
}) {
  const c = data.cards;
  const common = { t, locale, showPop };
  const a = (f: Parameters<typeof drill.accidents>[1] = {}) =>
    links.accidents ? drill.accidents(scope, f) : undefined;
  const v = (f: Parameters<typeof drill.violations>[1] = {}) =>
    links.violations ? drill.violations(scope, f) : undefined;
  const w = links.window ? drill.transactions(scope) : undefined;
  const hz = (status?: "open" | "closed") => (links.hazards ? drill.hazards(scope, { status }) : undefined);
  const plain = (value: number | null) => ({ value });
  return (
    <div className="space-y-3" data-testid="dashboard-cards">
      <Group title={t("stats.groups.accidents")} cols="grid-cols-2 sm:grid-cols-3 xl:grid-cols-6">
        <FigureCard
          {...common}
          testId="card-accidents"
          label={t("stats.cards.accidents")}
          figure={c.accidents}
          href={a()}
        />
        <FigureCard
          {...common}
          testId="card-fatal"
          label={t("stats.cards.fatalAccidents")}
          figure={c.fatalAccidents}
          href={a({ severity: "fatal" })}
        />
        <FigureCard
          {...common}
          testId="card-deaths"
          label={t("stats.cards.deaths")}
          figure={c.deaths}
          href={a({ severity: "fatal" })}
        />
        <FigureCard
          {...common}
          testId="card-injury"
          label={t("stats.cards.injuryAccidents")}
          figure={c.injuryAccidents}
          href={a({ severity: "injury" })}
        />
        <FigureCard
          {...common}
          testId="card-injured"
          label={t("stats.cards.injured")}
          figure={c.injured}
          href={a({ severity: "injury" })}
        />
        <FigureCard
          {...common}
          testId="card-major"
          label={t("stats.cards.majorAccidents")}
          figure={c.majorAccidents}
          href={a({ major: true })}
        />
      </Group>
      <Group title={t("stats.groups.violations")} cols="grid-cols-2 sm:grid-cols-3 xl:grid-cols-6">
        <FigureCard
          {...common}
          testId="card-violations"
          label={t("stats.cards.violations")}
          figure={c.violations}
          href={v()}
        />
        <FigureCard
          {...common}
          testId="card-serious"
          label={t("stats.cards.seriousViolations")}
          figure={c.seriousViolations}
          href={v({ serious: true })}
        />
        <FigureCard
          {...common}
          testId="card-drink"
          label={t("stats.cards.drinkDriving")}
          figure={c.drinkDriving}
          href={v({ type: "drink_driving" })}
        />
        <FigureCard
          {...common}
          testId="card-drunk"
          label={t("stats.cards.drunkDriving")}
          figure={c.drunkDriving}
          href={v({ type: "drunk_driving" })}
        />
        <FigureCard
          {...common}
          testId="card-detentions"
          label={t("stats.cards.detentions")}
          figure={c.detentions}
          href={v()}
        />
        <FigureCard
          {...common}
          testId="card-licences"
          label={t("stats.cards.licencesSeized")}
          figure={c.licencesSeized}
          href={v()}
        />
      </Group>
      <div className="grid gap-3 md:grid-cols-2 2xl:grid-cols-[4fr_3fr_3fr]">
        <Group
          title={t("stats.groups.window")}
          cols="grid-cols-2 sm:grid-cols-4"
          className="md:col-span-2 2xl:col-span-1"
        >
          <FigureCard
            {...common}
            testId="card-transactions"
            label={t("stats.cards.transactions")}
            figure={c.transactions}
            href={w}
            upIsGood
          />
          <FigureCard
            {...common}
            testId="card-wait"
            label={t("stats.cards.averageWait")}
            figure={plain(data.window.averageWaitMinutes)}
            unit={t("stats.minutes")}
            digits={1}
          />
          <FigureCard
            {...common}
            testId="card-satisfaction"
            label={t("stats.cards.satisfaction")}
            figure={plain(data.window.satisfactionPct)}
            unit="%"
          />
          <FigureCard
            {...common}
            testId="card-complaints"
            label={t("stats.cards.complaints")}
            figure={plain(data.window.complaints)}
            href={links.window ? "/window/complaints" : undefined}
          />
        </Group>
        <Group title={t("stats.groups.hazards")} cols="grid-cols-3">
          <FigureCard
            {...common}
            testId="card-hazards-found"
            label={t("stats.cards.hazardsFound")}
            figure={plain(data.hazards.found)}
            href={hz()}
          />
          <FigureCard
            {...common}
            testId="card-hazards-closed"
            label={t("stats.cards.hazardsClosed")}
            figure={plain(data.hazards.closed)}
            href={hz("closed")}
          />
          <FigureCard
            {...common}
            testId="card-hazards-open"
            label={t("stats.cards.hazardsOpenNow")}
            figure={plain(data.hazards.openNow)}
            href={links.hazards ? `/hazards?unit=${scope.unitCode}&status=open` : undefined}
          />
        </Group>
        <Group title={t("stats.groups.dutyNow")} cols="grid-cols-3">
          <FigureCard
            {...common}
            testId="card-beats"
            label={t("stats.cards.beatsOnDuty")}
            figure={plain(data.duty.beatsOnDuty)}
            href={links.map ? "/map" : undefined}
          />
          <FigureCard
            {...common}
            testId="card-officers"
            label={t("stats.cards.officersReporting")}
            figure={plain(data.duty.officersReporting)}
            href={links.map ? "/map" : undefined}
          />
          <FigureCard
            {...common}
            testId="card-sos"
            label={t("stats.cards.openSos")}
            figure={plain(data.duty.openSos)}
            href={links.map ? "/map" : undefined}
          />
        </Group>
      </div>
    </div>
  );
}
