import Link from "next/link";
import { DialogForm } from "@/components/ui/dialog-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
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
            <form className="flex gap-2">
              <input
                name="year"
                defaultValue={input.year}
                aria-label={t("hazards.closureYear")}
                inputMode="numeric"
                className="w-24 rounded-md border border-slate-300 px-2 text-sm"
              />
              <button className="rounded-md border border-slate-300 px-3 text-sm">{t("common.filter")}</button>
            </form>
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
                  ...(units.length > 1
                    ? [
                        {
                          name: "unitCode",
                          label: t("records.unit"),
                          type: "select" as const,
                          options: units.map((u) => ({ value: u.code, label: locale === "zh" ? u.nameZh : u.nameEn })),
                        },
                      ]
                    : []),
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
      <Card>
        {page.items.length === 0 ? (
          <EmptyState title={t("common.empty")} className="border-0" />
        ) : (
          <Table data-testid="operations-table">
            <thead>
              <tr>
                <Th>{t("hazards.operationName")}</Th>
                <Th>{t("hazards.kind")}</Th>
                <Th>{t("hazards.startsAt")}</Th>
                <Th>{t("hazards.endsAt")}</Th>
                <Th>{t("records.unit")}</Th>
                <Th className="text-right">{t("hazards.violationsLinked")}</Th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((o) => {
                const u = unitMap.get(o.unitId);
                return (
                  <Tr key={o.id}>
                    <Td className="font-medium">
                      {o.name}
                      {o.notes && <div className="text-xs font-normal text-slate-500">{o.notes}</div>}
                    </Td>
                    <Td>
                      <Badge tone={o.kind === "campaign" ? "blue" : "purple"}>
                        {t(`records.operationKinds.${o.kind}`)}
                      </Badge>
                    </Td>
                    <Td className="whitespace-nowrap">{formatDateTime(o.startsAt, locale)}</Td>
                    <Td className="whitespace-nowrap">{formatDateTime(o.endsAt, locale)}</Td>
                    <Td>{u ? (locale === "zh" ? u.nameZh : u.nameEn) : "—"}</Td>
                    <Td className="text-right tabular-nums">
                      {o._count.violations ? (
                        <Link className="text-brand-700 hover:underline" href={`/violations?operation=${o.id}`}>
                          {o._count.violations}
                        </Link>
                      ) : (
                        0
                      )}
                    </Td>
                  </Tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
      <CursorPager basePath="/violations/operations" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
