import Link from "next/link";
import { clsx } from "clsx";
import { DialogForm } from "@/components/ui/dialog-form";
import { FindingActions } from "@/components/hazards/finding-actions";
import { ScreenButton } from "@/components/records/screen-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { CursorPager } from "@/components/ui/pagination";
import { EmptyState } from "@/components/ui/states";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { registryOptions } from "@/lib/keyvehicles/registry";
import { listFindingsSchema } from "@/lib/keyvehicles/schemas";
import { listFindings, supervisionSummary } from "@/lib/keyvehicles/supervision";
import { FINDING_KINDS } from "@/lib/records/enums";
import { orNotFound, yearParam } from "@/lib/pages";
import { createFindingAction } from "@/lib/keyvehicles/actions";
import { listQuery } from "@/lib/list-query";

const FIGURES = [
  "sourceHazardsRemedied",
  "driversDismissed",
  "offencesProsecuted",
  "enterprisesInterviewed",
  "vehiclesBroughtToInspection",
  "findingsOpen",
] as const;
const STATUS_TONE = { open: "red", controlled: "yellow", closed: "green" } as const;

/** Closed-loop supervision of key vehicles: screening raises findings, actions control them, closing (销号) ends them. */
export default async function SupervisionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePageUser();
  if (!can(user, "keyvehicle.view")) return <Forbidden />;
  const sp = await searchParams;
  const { clean, input } = listQuery(listFindingsSchema, sp, { status: "active" });
  const year = yearParam(sp.year);
  const [t, locale, summary, page, { enterprises, vehicles, drivers }] = await Promise.all([
    getT(),
    getLocale(),
    supervisionSummary({ actor: user, year }),
    orNotFound(listFindings({ actor: user, input })),
    registryOptions(user),
  ]);
  const manage = can(user, "keyvehicle.manage");
  const tab = (status: string, label: string) => (
    <Link
      key={status}
      href={`/hazards/supervision?status=${status}`}
      className={clsx(
        "rounded-md px-3 py-1.5 text-sm font-medium",
        input.status === status ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300",
      )}
    >
      {label}
    </Link>
  );
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("keyvehicles.supervision")}
        actions={
          manage ? (
            <div className="flex flex-wrap items-start gap-2">
              <ScreenButton />
              <DialogForm
                label={t("keyvehicles.newFinding")}
                title={t("keyvehicles.newFinding")}
                schema="finding"
                action={createFindingAction}
                testId="new-finding"
                fields={[
                  {
                    name: "kind",
                    label: t("keyvehicles.findingKind"),
                    type: "select",
                    required: true,
                    defaultValue: "other",
                    options: FINDING_KINDS.map((k) => ({ value: k, label: t(`keyvehicles.findingKinds.${k}`) })),
                  },
                  {
                    name: "origin",
                    label: t("keyvehicles.origin"),
                    type: "select",
                    required: true,
                    defaultValue: "inspection",
                    options: (["inspection", "report"] as const).map((k) => ({
                      value: k,
                      label: t(`keyvehicles.findingOrigins.${k}`),
                    })),
                  },
                  { name: "enterpriseId", label: t("keyvehicles.enterprise"), type: "select", options: enterprises },
                  { name: "keyVehicleId", label: t("keyvehicles.plate"), type: "select", options: vehicles },
                  { name: "keyDriverId", label: t("keyvehicles.driverName"), type: "select", options: drivers },
                  { name: "description", label: t("keyvehicles.description"), type: "textarea", required: true },
                ]}
              />
            </div>
          ) : undefined
        }
      />
      <Card>
        <CardBody>
          <h2 className="mb-3 text-sm font-semibold text-slate-700">{t("keyvehicles.summary", { year })}</h2>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6" data-testid="supervision-summary">
            {FIGURES.map((k) => (
              <div key={k} className="rounded-md bg-slate-50 p-3">
                <dt className="text-xs text-slate-500">{t(`keyvehicles.${k}`)}</dt>
                <dd className="text-2xl font-semibold tabular-nums text-slate-900" data-testid={`figure-${k}`}>
                  {summary[k]}
                </dd>
              </div>
            ))}
          </dl>
        </CardBody>
      </Card>
      <div className="flex gap-2">
        {tab("active", t("keyvehicles.activeFindings"))}
        {tab("closed", t("keyvehicles.closedFindings"))}
      </div>
      {page.items.length === 0 ? (
        <EmptyState title={t("common.empty")} />
      ) : (
        <ul className="space-y-3" data-testid="findings">
          {page.items.map((f) => (
            <li key={f.id}>
              <Card>
                <CardBody className="space-y-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={STATUS_TONE[f.status as keyof typeof STATUS_TONE] ?? "gray"}>
                      {t(`keyvehicles.findingStatuses.${f.status}`)}
                    </Badge>
                    <span className="font-medium">{t(`keyvehicles.findingKinds.${f.kind}`)}</span>
                    <span className="text-sm text-slate-500">
                      {[f.vehicle?.plate, f.driver?.name, f.enterprise?.name].filter(Boolean).join(" · ")}
                    </span>
                    <span className="ml-auto text-xs text-slate-500">
                      {t(`keyvehicles.findingOrigins.${f.origin}`)} · {formatDate(f.foundAt, locale)}
                    </span>
                  </div>
                  <p className="text-sm text-slate-700">{f.description}</p>
                  {f.actions.length > 0 && (
                    <ol className="space-y-1 border-l-2 border-brand-200 pl-3 text-sm">
                      {f.actions.map((a) => (
                        <li key={a.id}>
                          <span className="font-medium">{t(`keyvehicles.actionKinds.${a.kind}`)}</span>{" "}
                          <span className="text-xs text-slate-500">{formatDateTime(a.takenAt, locale)}</span>
                          {a.note && <span className="text-slate-600"> — {a.note}</span>}
                        </li>
                      ))}
                    </ol>
                  )}
                  {f.status === "closed" && (
                    <p className="text-sm text-green-800">
                      {t("keyvehicles.closedAt")}: {formatDate(f.closedAt, locale)} — {f.closingNote}
                    </p>
                  )}
                  {manage && f.status !== "closed" && <FindingActions t={t} finding={f} />}
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <CursorPager basePath="/hazards/supervision" params={clean} nextCursor={page.nextCursor} />
    </div>
  );
}
