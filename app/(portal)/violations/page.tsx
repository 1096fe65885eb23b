import Link from "next/link";
import { SeriousBadge, ViolationStatusBadge } from "@/components/records/badges";
import { ChainFilter } from "@/components/records/chain-filter";
import { ExportLinks } from "@/components/records/export-links";
import { EnumFilter, FilterForm, PeriodFilter, PlateFilter, UnitFilter } from "@/components/records/list-filters";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { maskName } from "@/lib/identity/id-card";
import { VIOLATION_SOURCES, VIOLATION_STATUSES } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { recordUnitsInScope, unitsById } from "@/lib/records/units";
import { listViolationTypes } from "@/lib/violations/catalogue";
import { countViolations, listViolations } from "@/lib/violations/list-violations";
import { listViolationsSchema } from "@/lib/violations/schemas";
import { listQuery } from "@/lib/list-query";

export default async function ViolationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "violation.view")) return <Forbidden />;
  const sp = await searchParams;
  const { clean, input } = listQuery(listViolationsSchema, sp);
  const [t, locale, types, units, page, total] = await Promise.all([
    getT(),
    getLocale(),
    listViolationTypes({ actor: user }),
    recordUnitsInScope(user),
    orNotFound(listViolations({ actor: user, input })),
    orNotFound(countViolations({ actor: user, input })),
  ]);
  const unitMap = await unitsById(page.items.map((v) => v.unitId));
  const typeName = new Map(types.map((x) => [x.key, locale === "zh" ? x.nameZh : x.nameEn]));
  const name = (u: { nameZh: string; nameEn: string } | undefined) =>
    u ? (locale === "zh" ? u.nameZh : u.nameEn) : "—";
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("records.violations")}
        subtitle={
          <span data-testid="violations-count">{t("records.count", { count: formatNumber(total, locale) })}</span>
        }
        actions={
          <>
            {can(user, "records.export") && <ExportLinks base="/api/v1/violations/export" params={clean} />}
            {can(user, "violation.create") && (
              <ButtonLink variant="primary" href="/violations/new" data-testid="new-violation">
                {t("records.newViolation")}
              </ButtonLink>
            )}
          </>
        }
      />
      <FilterForm t={t} resetHref="/violations" buttonsClassName="md:col-span-4 xl:col-span-1">
        <PeriodFilter t={t} from={input.from} to={input.to} />
        <Select
          name="type"
          defaultValue={input.type ?? ""}
          aria-label={t("records.violationType")}
          className="xl:w-auto"
        >
          <option value="">{t("records.allTypes")}</option>
          {types.map((x) => (
            <option key={x.key} value={x.key}>
              {locale === "zh" ? x.nameZh : x.nameEn}
            </option>
          ))}
        </Select>
        <EnumFilter
          t={t}
          name="status"
          value={input.status}
          options={VIOLATION_STATUSES}
          label={t("common.status")}
          allLabel={t("records.allStatuses")}
          labelPrefix="records.violationStatuses"
          className="xl:w-auto"
        />
        <EnumFilter
          t={t}
          name="source"
          value={input.source}
          options={VIOLATION_SOURCES}
          label={t("records.source")}
          allLabel={t("records.allSources")}
          labelPrefix="records.sources"
        />
        <UnitFilter t={t} locale={locale} units={units} value={input.unit} />
        <PlateFilter t={t} value={input.plate} />
        <ChainFilter
          actor={user}
          t={t}
          locale={locale}
          value={input}
          clearHref={(k) =>
            `/violations?${new URLSearchParams(Object.entries(clean).filter(([x]) => x !== k && x !== "cursor"))}`
          }
        />
        <Select name="sort" defaultValue={input.sort} aria-label={t("common.filter")} className="xl:w-auto">
          <option value="newest">{t("records.newest")}</option>
          <option value="oldest">{t("records.oldest")}</option>
        </Select>
      </FilterForm>
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="violations-table">
            <thead>
              <tr>
                <Th>{t("records.occurredAt")}</Th>
                <Th>{t("records.violationType")}</Th>
                <Th>{t("records.plate")}</Th>
                <Th>{t("records.unit")}</Th>
                <Th>{t("records.location")}</Th>
                <Th>{t("records.driverName")}</Th>
                <Th className="text-right">{t("records.fineYuan")}</Th>
                <Th className="text-right">{t("records.points")}</Th>
                <Th>{t("common.status")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((v) => (
                <Tr key={v.id}>
                  <Td className="whitespace-nowrap">
                    <Link href={`/violations/${v.id}`} className="font-medium text-brand-700 hover:underline">
                      {formatDateTime(v.occurredAt, locale)}
                    </Link>
                  </Td>
                  <Td className="min-w-44">
                    <span className="mr-1">{typeName.get(v.typeKey) ?? v.typeKey}</span>
                    {v.serious && <SeriousBadge t={t} />}
                  </Td>
                  <Td className="whitespace-nowrap font-mono">{v.plate ?? "—"}</Td>
                  <Td className="min-w-32">{name(unitMap.get(v.unitId))}</Td>
                  <Td className="min-w-32">{v.roadName ?? v.address ?? "—"}</Td>
                  <Td>{v.driverName ? maskName(v.driverName) : "—"}</Td>
                  <Td className="text-right tabular-nums">{v.fineYuan ?? "—"}</Td>
                  <Td className="text-right tabular-nums">{v.points ?? "—"}</Td>
                  <Td>
                    <ViolationStatusBadge status={v.status} t={t} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath="/violations" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
