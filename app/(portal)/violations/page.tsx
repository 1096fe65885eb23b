import { SeriousBadge, ViolationStatusBadge } from "@/components/records/badges";
import { RecordListPage, RecordStatusFilter } from "@/components/records/list-parts";
import { EnumFilter } from "@/components/records/list-filters";
import { Select } from "@/components/ui/field";
import { Forbidden } from "@/components/ui/notices";
import { formatNumber } from "@/lib/i18n/format";
import { maskName } from "@/lib/identity/id-card";
import { VIOLATION_SOURCES } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { listViolationTypes } from "@/lib/violations/catalogue";
import { countViolations, listViolations } from "@/lib/violations/list-violations";
import { listViolationsSchema } from "@/lib/violations/schemas";
import { recordListRequest } from "@/lib/records/list-request";

export default async function ViolationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const request = await recordListRequest({ kind: "violation", schema: listViolationsSchema, searchParams });
  if (!request) return <Forbidden />;
  const { user, input, t, locale } = request;
  const [types, page, total] = await Promise.all([
    listViolationTypes({ actor: user }),
    orNotFound(listViolations({ actor: user, input })),
    orNotFound(countViolations({ actor: user, input })),
  ]);
  const typeName = new Map(types.map((x) => [x.key, locale === "zh" ? x.nameZh : x.nameEn]));
  return (
    <RecordListPage
      request={request}
      page={page}
      count={t("records.count", { count: formatNumber(total, locale) })}
      buttonsClassName="md:col-span-4 xl:col-span-1"
      filters={
        <>
          <Select
            name="type"
            defaultValue={input.type ?? ""}
            aria-label={t("records.violationType")}
            className="xl:w-auto"
          >
            <option value="">{t("records.allTypes")}</option>
            {types.map((x) => (
              <option key={x.key} value={x.key}>
                {typeName.get(x.key)}
              </option>
            ))}
          </Select>
          <RecordStatusFilter kind="violation" t={t} value={input.status} />
          <EnumFilter
            t={t}
            name="source"
            value={input.source}
            options={VIOLATION_SOURCES}
            label={t("records.source")}
            allLabel={t("records.allSources")}
            labelPrefix="records.sources"
          />
        </>
      }
      after={
        <Select name="sort" defaultValue={input.sort} aria-label={t("common.filter")} className="xl:w-auto">
          <option value="newest">{t("records.newest")}</option>
          <option value="oldest">{t("records.oldest")}</option>
        </Select>
      }
      columns={(common) => [
        common.occurredAt,
        {
          header: t("records.violationType"),
          className: "min-w-44",
          cell: (v) => (
            <>
              <span className="mr-1">{typeName.get(v.typeKey) ?? v.typeKey}</span>
              {v.serious && <SeriousBadge t={t} />}
            </>
          ),
        },
        { header: t("records.plate"), className: "whitespace-nowrap font-mono", cell: (v) => v.plate ?? "—" },
        common.unit,
        common.location,
        { header: t("records.driverName"), cell: (v) => (v.driverName ? maskName(v.driverName) : "—") },
        { header: t("records.fineYuan"), numeric: true, cell: (v) => v.fineYuan ?? "—" },
        { header: t("records.points"), numeric: true, cell: (v) => v.points ?? "—" },
        { header: t("common.status"), cell: (v) => <ViolationStatusBadge status={v.status} t={t} /> },
      ]}
    />
  );
}
