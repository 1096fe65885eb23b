import { SeverityBadge } from "@/components/records/badges";
import { RecordListPage, RecordStatusFilter } from "@/components/records/list-parts";
import { EnumFilter } from "@/components/records/list-filters";
import { Badge } from "@/components/ui/badge";
import { Forbidden } from "@/components/ui/notices";
import { countAccidents, listAccidents } from "@/lib/accidents/read-accidents";
import { listAccidentsSchema } from "@/lib/accidents/schemas";
import { formatNumber } from "@/lib/i18n/format";
import { ACCIDENT_HANDLING, ACCIDENT_SEVERITIES } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { recordListRequest } from "@/lib/records/list-request";

export default async function AccidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const request = await recordListRequest({ kind: "accident", schema: listAccidentsSchema, searchParams });
  if (!request) return <Forbidden />;
  const { user, input, t, locale } = request;
  const [page, totals] = await Promise.all([
    orNotFound(listAccidents({ actor: user, input })),
    orNotFound(countAccidents({ actor: user, input })),
  ]);
  return (
    <RecordListPage
      request={request}
      page={page}
      count={t("records.countAccidents", {
        count: formatNumber(totals.total, locale),
        deaths: totals.deaths,
        injured: totals.injured,
      })}
      filters={
        <>
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
          <RecordStatusFilter kind="accident" t={t} value={input.status} />
        </>
      }
      columns={(common) => [
        common.occurredAt,
        {
          header: t("records.severity"),
          cell: (a) => (
            <>
              <SeverityBadge severity={a.severity} major={a.major} t={t} />
              {a.hitAndRun && (
                <Badge tone="purple" className="ml-1">
                  {t("records.hitAndRun")}
                </Badge>
              )}
            </>
          ),
        },
        { header: t("records.deaths"), numeric: true, cell: (a) => a.deaths },
        { header: t("records.injured"), numeric: true, cell: (a) => a.injured },
        common.location,
        {
          header: t("records.vehicles"),
          className: "font-mono text-xs",
          cell: (a) =>
            a.parties
              .map((p) => p.plate)
              .filter(Boolean)
              .join(" ") || "—",
        },
        common.unit,
        { header: t("records.handling"), cell: (a) => t(`records.handlings.${a.handling}`) },
        {
          header: t("common.status"),
          cell: (a) => (
            <Badge tone={a.status === "open" ? "blue" : "gray"}>{t(`records.accidentStatuses.${a.status}`)}</Badge>
          ),
        },
      ]}
    />
  );
}
