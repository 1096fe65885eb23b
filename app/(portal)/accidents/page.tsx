import Link from "next/link";
import { SeverityBadge } from "@/components/records/badges";
import { ChainFilter } from "@/components/records/chain-filter";
import { ExportLinks } from "@/components/records/export-links";
import { EnumFilter, FilterForm, PeriodFilter, PlateFilter, UnitFilter } from "@/components/records/list-filters";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { countAccidents, listAccidents } from "@/lib/accidents/read-accidents";
import { listAccidentsSchema } from "@/lib/accidents/schemas";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { ACCIDENT_HANDLING, ACCIDENT_SEVERITIES, ACCIDENT_STATUSES } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { recordUnitsInScope, unitsById } from "@/lib/records/units";
import { listQuery } from "@/lib/list-query";

export default async function AccidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "accident.view")) return <Forbidden />;
  const sp = await searchParams;
  const { clean, input } = listQuery(listAccidentsSchema, sp);
  const [t, locale, units, page, totals] = await Promise.all([
    getT(),
    getLocale(),
    recordUnitsInScope(user),
    orNotFound(listAccidents({ actor: user, input })),
    orNotFound(countAccidents({ actor: user, input })),
  ]);
  const unitMap = await unitsById(page.items.map((a) => a.unitId));
  const name = (u: { nameZh: string; nameEn: string } | undefined) =>
    u ? (locale === "zh" ? u.nameZh : u.nameEn) : "—";
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("records.accidents")}
        subtitle={
          <span data-testid="accidents-count">
            {t("records.countAccidents", {
              count: formatNumber(totals.total, locale),
              deaths: totals.deaths,
              injured: totals.injured,
            })}
          </span>
        }
        actions={
          <>
            {can(user, "records.export") && <ExportLinks base="/api/v1/accidents/export" params={clean} />}
            {can(user, "accident.create") && (
              <ButtonLink variant="primary" href="/accidents/new" data-testid="new-accident">
                {t("records.newAccident")}
              </ButtonLink>
            )}
          </>
        }
      />
      <FilterForm t={t} resetHref="/accidents">
        <PeriodFilter t={t} from={input.from} to={input.to} />
        <EnumFilter
          t={t}
          name="severity"
          value={input.severity}
          options={ACCIDENT_SEVERITIES}
          label={t("records.severity")}
          allLabel={t("records.allSeverities")}
          labelPrefix="records.severities"
        />
        <EnumFilter
          t={t}
          name="handling"
          value={input.handling}
          options={ACCIDENT_HANDLING}
          label={t("records.handling")}
          allLabel={`${t("records.handling")}: ${t("common.all")}`}
          labelPrefix="records.handlings"
        />
        <EnumFilter
          t={t}
          name="status"
          value={input.status}
          options={ACCIDENT_STATUSES}
          label={t("common.status")}
          allLabel={t("records.allStatuses")}
          labelPrefix="records.accidentStatuses"
          className="xl:w-auto"
        />
        <UnitFilter t={t} locale={locale} units={units} value={input.unit} />
        <PlateFilter t={t} value={input.plate} />
        <ChainFilter
          actor={user}
          t={t}
          locale={locale}
          value={input}
          clearHref={(k) =>
            `/accidents?${new URLSearchParams(Object.entries(clean).filter(([x]) => x !== k && x !== "cursor"))}`
          }
        />
      </FilterForm>
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="accidents-table">
            <thead>
              <tr>
                <Th>{t("records.occurredAt")}</Th>
                <Th>{t("records.severity")}</Th>
                <Th className="text-right">{t("records.deaths")}</Th>
                <Th className="text-right">{t("records.injured")}</Th>
                <Th>{t("records.location")}</Th>
                <Th>{t("records.vehicles")}</Th>
                <Th>{t("records.unit")}</Th>
                <Th>{t("records.handling")}</Th>
                <Th>{t("common.status")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => (
                <Tr key={a.id}>
                  <Td className="whitespace-nowrap">
                    <Link href={`/accidents/${a.id}`} className="font-medium text-brand-700 hover:underline">
                      {formatDateTime(a.occurredAt, locale)}
                    </Link>
                  </Td>
                  <Td>
                    <SeverityBadge severity={a.severity} major={a.major} t={t} />
                    {a.hitAndRun && (
                      <Badge tone="purple" className="ml-1">
                        {t("records.hitAndRun")}
                      </Badge>
                    )}
                  </Td>
                  <Td className="text-right tabular-nums">{a.deaths}</Td>
                  <Td className="text-right tabular-nums">{a.injured}</Td>
                  <Td className="min-w-32">{a.roadName ?? a.address ?? "—"}</Td>
                  <Td className="font-mono text-xs">
                    {a.parties
                      .map((p) => p.plate)
                      .filter(Boolean)
                      .join(" ") || "—"}
                  </Td>
                  <Td className="min-w-32">{name(unitMap.get(a.unitId))}</Td>
                  <Td>{t(`records.handlings.${a.handling}`)}</Td>
                  <Td>
                    <Badge tone={a.status === "open" ? "blue" : "gray"}>
                      {t(`records.accidentStatuses.${a.status}`)}
                    </Badge>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath="/accidents" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
