import Link from "next/link";
import { YearFilter } from "@/components/hazards/year-filter";
import { unitCodeField } from "@/components/records/unit-field";
import { DialogForm } from "@/components/ui/dialog-form";
import { Badge } from "@/components/ui/badge";
import { CardTable, type Column } from "@/components/ui/data-table";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { listOperationsSchema } from "@/lib/hazards/schemas";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { countOperations, listOperations } from "@/lib/operations/operations";
import { OPERATION_KINDS } from "@/lib/records/enums";
import { orNotFound } from "@/lib/pages";
import { recordUnitsInScope, unitsById } from "@/lib/records/units";
import { localDate, localNowInput } from "@/lib/time";
import { createOperationAction } from "@/lib/operations/actions";
import { listQuery } from "@/lib/list-query";

/** Special campaigns (专项整治) and security escorts (安保任务), with the year's counts. */
export default async function OperationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "operation.view")) return <Forbidden />;
  const sp = await searchParams;
  const year = Number(localDate(new Date()).slice(0, 4));
  const { clean, input } = listQuery(listOperationsSchema, sp, { year });
  const [t, locale, page, counts, units] = await Promise.all([
    getT(),
    getLocale(),
    orNotFound(listOperations({ actor: user, input })),
    countOperations({ actor: user, year: input.year ?? year }),
    recordUnitsInScope(user),
  ]);
  const unitMap = await unitsById(page.items.map((o) => o.unitId));
  const now = localNowInput();
  type Operation = (typeof page.items)[number];
  // The start and the end: a moment each, on one line.
  const dateTime = (header: string, at: (o: Operation) => Date): Column<Operation> => ({
    header,
    className: "whitespace-nowrap",
    cell: (o) => formatDateTime(at(o), locale),
  });
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("hazards.operations")}
        subtitle={
          <span data-testid="operation-counts">
            {t("hazards.yearCounts", {
              year: input.year ?? year,
              campaign: counts.campaign ?? 0,
              escort: counts.escort ?? 0,
            })}
          </span>
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <YearFilter t={t} value={input.year} />
            {can(user, "operation.manage") && (
              <DialogForm
                label={t("hazards.newOperation")}
                title={t("hazards.newOperation")}
                schema="operation"
                action={createOperationAction}
                testId="new-operation"
                fields={[
                  { name: "name", label: t("hazards.operationName"), required: true, wide: true },
                  {
                    name: "kind",
                    label: t("hazards.kind"),
                    type: "select",
                    required: true,
                    defaultValue: "campaign",
                    options: OPERATION_KINDS.map((k) => ({ value: k, label: t(`records.operationKinds.${k}`) })),
                  },
                  ...unitCodeField({ units, locale, label: t("records.unit") }),
                  {
                    name: "startsAt",
                    label: t("hazards.startsAt"),
                    type: "datetime-local",
                    required: true,
                    defaultValue: now,
                  },
                  {
                    name: "endsAt",
                    label: t("hazards.endsAt"),
                    type: "datetime-local",
                    required: true,
                    defaultValue: now,
                  },
                  { name: "notes", label: t("hazards.notes"), type: "textarea" },
                ]}
              />
            )}
          </div>
        }
      />
      <CardTable
        testId="operations-table"
        emptyTitle={t("common.empty")}
        rows={page.items}
        columns={[
          {
            header: t("hazards.operationName"),
            className: "font-medium",
            cell: (o) => (
              <>
                {o.name}
                {o.notes && <div className="text-xs font-normal text-slate-500">{o.notes}</div>}
              </>
            ),
          },
          {
            header: t("hazards.kind"),
            cell: (o) => (
              <Badge tone={o.kind === "campaign" ? "blue" : "purple"}>{t(`records.operationKinds.${o.kind}`)}</Badge>
            ),
          },
          dateTime(t("hazards.startsAt"), (o) => o.startsAt),
          dateTime(t("hazards.endsAt"), (o) => o.endsAt),
          {
            header: t("records.unit"),
            cell: (o) => {
              const u = unitMap.get(o.unitId);
              return u ? (locale === "zh" ? u.nameZh : u.nameEn) : "—";
            },
          },
          {
            header: t("hazards.violationsLinked"),
            numeric: true,
            cell: (o) =>
              o._count.violations ? (
                <Link className="text-brand-700 hover:underline" href={`/violations?operation=${o.id}`}>
                  {o._count.violations}
                </Link>
              ) : (
                0
              ),
          },
        ]}
      />
      <CursorPager basePath="/violations/operations" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
