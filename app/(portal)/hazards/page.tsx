import { YearFilter } from "@/components/hazards/year-filter";
import { HazardCardActions } from "@/components/records/hazard-card-actions";
import { unitCodeField } from "@/components/records/unit-field";
import { DialogForm } from "@/components/ui/dialog-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { hazardBoard, hazardClosureRates, hazardOverdue } from "@/lib/hazards/hazards";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { HAZARD_SOURCES } from "@/lib/records/enums";
import { orNotFound, yearParam } from "@/lib/pages";
import { recordUnitsInScope, unitsById } from "@/lib/records/units";
import { addDays, dayString, localDate, yearRange } from "@/lib/time";
import { createHazardAction } from "@/lib/hazards/actions";

/** The hazards board: open, being fixed, closed lately — and each unit's closure rate for the year. */
export default async function HazardsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "hazard.view")) return <Forbidden />;
  const sp = await searchParams;
  const year = yearParam(sp.year);
  const [t, locale, board, rates, units] = await Promise.all([
    getT(),
    getLocale(),
    orNotFound(hazardBoard({ actor: user, unit: sp.unit })),
    hazardClosureRates({ actor: user, ...yearRange(year) }),
    recordUnitsInScope(user),
  ]);
  const all = [...board.open, ...board.rectifying, ...board.closed];
  const unitMap = await unitsById([...all.map((h) => h.unitId), ...rates.map((r) => r.unitId)]);
  const uname = (id: string) => {
    const u = unitMap.get(id);
    return u ? (locale === "zh" ? u.nameZh : u.nameEn) : "—";
  };
  const column = (key: "open" | "rectifying" | "closed", list: typeof board.open) => (
    <Card key={key} className="flex flex-col" data-testid={`hazard-column-${key}`}>
      <CardHeader
        title={
          <span>
            {t(`hazards.${key}`)} <span className="text-slate-600">{list.length}</span>
          </span>
        }
      />
      <ul className="flex-1 space-y-2 p-3">
        {list.length === 0 && <li className="py-6 text-center text-sm text-slate-600">{t("hazards.empty")}</li>}
        {list.map((h) => {
          const late = hazardOverdue(h);
          return (
            <li
              key={h.id}
              className={`rounded-md border p-3 text-sm ${late ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`}
              data-testid="hazard-card"
            >
              <div className="flex items-start justify-between gap-2">
                <span className="font-medium text-slate-900">{h.title}</span>
                <Badge tone={h.source === "black_spot" ? "red" : "gray"}>{t(`hazards.sources.${h.source}`)}</Badge>
              </div>
              <p className="mt-1 line-clamp-2 text-slate-600">{h.description}</p>
              <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
                <span>{uname(h.unitId)}</span>
                {h.responsibleParty && <span>{h.responsibleParty}</span>}
                {key === "closed" ? (
                  <span>
                    {t("hazards.closedAt")}: {formatDate(h.closedAt, locale)}
                  </span>
                ) : (
                  <span className={late ? "font-semibold text-red-700" : undefined}>
                    {late ? `${t("hazards.overdue")} · ` : ""}
                    {t("hazards.dueOn", { date: dayString(h.deadline) })}
                  </span>
                )}
              </div>
              {key === "closed" && h.closingNote && <p className="mt-1 text-xs text-green-800">{h.closingNote}</p>}
              {can(user, "hazard.manage") && (
                <div className="mt-2">
                  <HazardCardActions id={h.id} status={h.status} updatedAt={h.updatedAt.toISOString()} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("hazards.board")}
        actions={
          can(user, "hazard.manage") ? (
            <DialogForm
              label={t("hazards.newHazard")}
              title={t("hazards.newHazard")}
              schema="hazard"
              action={createHazardAction}
              testId="new-hazard"
              fields={[
                { name: "title", label: t("hazards.hazardTitle"), required: true, wide: true },
                { name: "description", label: t("hazards.description"), type: "textarea", required: true },
                {
                  name: "source",
                  label: t("hazards.source"),
                  type: "select",
                  required: true,
                  defaultValue: "patrol",
                  options: HAZARD_SOURCES.filter((s) => s !== "black_spot").map((s) => ({
                    value: s,
                    label: t(`hazards.sources.${s}`),
                  })),
                },
                {
                  name: "deadline",
                  label: t("hazards.deadline"),
                  type: "date",
                  required: true,
                  defaultValue: addDays(localDate(new Date()), 30),
                },
                { name: "roadName", label: t("records.roadName") },
                { name: "address", label: t("records.address") },
                { name: "lat", label: t("records.lat") },
                { name: "lng", label: t("records.lng") },
                { name: "responsibleParty", label: t("hazards.responsibleParty"), wide: true },
                ...unitCodeField({ units, locale, label: t("hazards.unit"), wide: true }),
              ]}
            />
          ) : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        {column("open", board.open)}
        {column("rectifying", board.rectifying)}
        {column("closed", board.closed)}
      </div>
      <Card>
        <CardHeader title={`${t("hazards.closureRates")} · ${year}`} action={<YearFilter t={t} value={year} dense />} />
        <DataTable
          testId="closure-rates"
          rows={rates.sort((a, b) => uname(a.unitId).localeCompare(uname(b.unitId)))}
          rowKey={(r) => r.unitId}
          empty={<p className="px-4 py-6 text-sm text-slate-500">{t("common.empty")}</p>}
          columns={[
            { header: t("hazards.unit"), cell: (r) => uname(r.unitId) },
            { header: t("hazards.found"), numeric: true, cell: (r) => r.found },
            { header: t("hazards.closedCount"), numeric: true, cell: (r) => r.closed },
            {
              header: t("hazards.overdueCount"),
              numeric: true,
              className: (r) => (r.overdue ? "text-red-700" : ""),
              cell: (r) => r.overdue,
            },
            {
              header: t("hazards.rate"),
              numeric: true,
              cell: (r) => (r.rate === null ? "—" : `${formatNumber(r.rate * 100, locale, { digits: 1 })}%`),
            },
          ]}
        />
      </Card>
    </div>
  );
}
