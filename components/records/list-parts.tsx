import Link from "next/link";
import type { ReactNode } from "react";
import { ChainFilter } from "@/components/records/chain-filter";
import { ExportLinks } from "@/components/records/export-links";
import { EnumFilter, FilterForm, PeriodFilter, PlateFilter, UnitFilter } from "@/components/records/list-filters";
import { ListTable, type ListColumn } from "@/components/records/list-table";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";
import { ACCIDENT_STATUSES, VIOLATION_STATUSES } from "@/lib/records/enums";
import type { RecordListKind, RecordListRequest } from "@/lib/records/list-request";
import { recordUnitsInScope, unitsById, type UnitInfo } from "@/lib/records/units";

/**
 * A record list page (violations, accidents) around the kind's own parts: the header (title,
 * `count`, CSV/Excel export of the filter, "new" — each when the user may), the filter form
 * (period, the kind's `filters`, unit, plate, record chain, then `after`), the page of
 * `columns` and its pager. URLs, test ids and labels follow from the request's kind.
 */
export async function RecordListPage<R extends RecordRow>({
  request,
  count,
  filters,
  after,
  buttonsClassName,
  page,
  columns,
}: {
  request: RecordListRequest<ChainValue & { from?: string; to?: string; unit?: string; plate?: string }>;
  count: ReactNode;
  filters: ReactNode;
  after?: ReactNode;
  buttonsClassName?: string;
  page: { items: R[]; nextCursor: string | null };
  columns: (common: ReturnType<typeof recordColumns<R>>) => ListColumn<R>[];
}) {
  const { kind, user: actor, t, locale, input, clean: params } = request;
  const basePath = `/${kind}s`;
  const [units, unitMap] = await Promise.all([recordUnitsInScope(actor), unitsById(page.items.map((r) => r.unitId))]);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t(`records.${kind}s`)}
        subtitle={<span data-testid={`${kind}s-count`}>{count}</span>}
        actions={
          <>
            {can(actor, "records.export") && <ExportLinks base={`/api/v1/${kind}s/export`} params={params} />}
            {can(actor, `${kind}.create`) && (
              <ButtonLink variant="primary" href={`${basePath}/new`} data-testid={`new-${kind}`}>
                {t(kind === "violation" ? "records.newViolation" : "records.newAccident")}
              </ButtonLink>
            )}
          </>
        }
      />
      <FilterForm t={t} resetHref={basePath} buttonsClassName={buttonsClassName}>
        <PeriodFilter t={t} from={input.from} to={input.to} />
        {filters}
        <UnitFilter t={t} locale={locale} units={units} value={input.unit} />
        <PlateFilter t={t} value={input.plate} />
        <ChainFilter
          actor={actor}
          t={t}
          locale={locale}
          value={input}
          clearHref={(k) =>
            `${basePath}?${new URLSearchParams(Object.entries(params).filter(([x]) => x !== k && x !== "cursor"))}`
          }
        />
        {after}
      </FilterForm>
      <ListTable
        t={t}
        testId={`${kind}s-table`}
        rows={page.items}
        basePath={basePath}
        params={params}
        nextCursor={page.nextCursor}
        columns={columns(recordColumns<R>({ t, locale, basePath, units: unitMap }))}
      />
    </div>
  );
}

/** A record list's status filter: the kind's statuses, or all. */
export function RecordStatusFilter({ kind, t, value }: { kind: RecordListKind; t: TFunction; value?: string }) {
  return (
    <EnumFilter
      t={t}
      name="status"
      value={value}
      options={kind === "violation" ? VIOLATION_STATUSES : ACCIDENT_STATUSES}
      label={t("common.status")}
      allLabel={t("records.allStatuses")}
      labelPrefix={`records.${kind}Statuses`}
      className="xl:w-auto"
    />
  );
}

type ChainValue = { grid?: string; beat?: string; recordedBy?: string; incident?: string };

interface RecordRow {
  id: string;
  occurredAt: Date;
  unitId: string;
  roadName: string | null;
  address: string | null;
}

/**
 * The columns every record list shows: when (a link to the record under `basePath`), its
 * unit (by id in `units`) and where.
 */
function recordColumns<R extends RecordRow>({
  t,
  locale,
  basePath,
  units,
}: {
  t: TFunction;
  locale: Locale;
  basePath: string;
  units: Map<string, UnitInfo>;
}) {
  const occurredAt: ListColumn<R> = {
    header: t("records.occurredAt"),
    className: "whitespace-nowrap",
    cell: (r) => (
      <Link href={`${basePath}/${r.id}`} className="font-medium text-brand-700 hover:underline">
        {formatDateTime(r.occurredAt, locale)}
      </Link>
    ),
  };
  const unit: ListColumn<R> = {
    header: t("records.unit"),
    className: "min-w-32",
    cell: (r) => {
      const u = units.get(r.unitId);
      return u ? (locale === "zh" ? u.nameZh : u.nameEn) : "—";
    },
  };
  const location: ListColumn<R> = {
    header: t("records.location"),
    className: "min-w-32",
    cell: (r) => r.roadName ?? r.address ?? "—",
  };
  return { occurredAt, unit, location };
}
