import Link from "next/link";
import { pageId } from "@/lib/pages";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { ratingTone, resultTone, tone } from "@/components/window/labels";
import { FollowUpDone, RateLater, ResolveDifficult, RevealId } from "@/components/window/transaction-actions";
import { RecordHistory } from "@/components/ui/record-history";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { maskIdCard, maskLicence } from "@/lib/identity/id-card";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { getTransaction } from "@/lib/window/read-transactions";
import { dayString } from "@/lib/time";

export const metadata = { title: "业务详情" };

export default async function TransactionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "window.view")) return <Forbidden />;
  const id = await pageId(params);
  const x = await getTransaction({ actor: user, id });
  if (!x) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const minutes = Math.round((x.completedAt.getTime() - x.startedAt.getTime()) / 6000) / 10;
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div
      className="grid grid-cols-[9rem_1fr] gap-2 border-b border-slate-100 py-2 text-sm last:border-0"
      data-testid={testId}
    >
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900">{value}</dd>
    </div>
  );
  return (
    <div className="space-y-4" data-testid="transaction-detail">
      <PageHeader
        title={`${t("window.detail.title")} · ${locale === "zh" ? x.business?.nameZh : x.business?.nameEn}`}
        subtitle={
          <span className="flex flex-wrap gap-2">
            <Badge tone={tone(resultTone, x.result)}>{t(`window.results.${x.result}`)}</Badge>
            {x.afterHours && <Badge tone="purple">{t("window.f.afterHours")}</Badge>}
            {x.difficult && <Badge tone="yellow">{t("window.f.difficult")}</Badge>}
          </span>
        }
        actions={
          <Link className="text-sm text-brand-700 hover:underline" href="/window/transactions">
            ← {t("window.detail.back")}
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <CardBody>
            <dl>
              {row(t("window.f.applicantName"), x.applicantName)}
              {row(
                t("window.f.applicantIdNumber"),
                can(user, "idcard.reveal") ? (
                  <RevealId id={x.id} masked={maskIdCard(x.applicantIdNumber)} />
                ) : (
                  <span className="font-mono">{maskIdCard(x.applicantIdNumber)}</span>
                ),
              )}
              {row(t("window.f.plate"), <span className="font-mono">{x.plate ?? "—"}</span>)}
              {row(
                t("window.f.licenceNumber"),
                !x.licenceNumber ? (
                  "—"
                ) : can(user, "idcard.reveal") ? (
                  <RevealId id={x.id} field="licenceNumber" masked={maskLicence(x.licenceNumber)} />
                ) : (
                  <span className="font-mono">{maskLicence(x.licenceNumber)}</span>
                ),
              )}
              {row(t("window.f.category"), t(`window.categories.${x.categoryKey}`))}
              {row(
                t("window.f.channel"),
                <>
                  {t(`window.channels.${x.channel}`)}
                  {x.trip && (
                    <>
                      {" "}
                      ·{" "}
                      <Link className="text-brand-700 hover:underline" href={`/window/trips/${x.trip.id}`}>
                        {dayString(x.trip.tripDate)} {x.trip.township}
                      </Link>
                    </>
                  )}
                  {x.point && (
                    <>
                      {" "}
                      ·{" "}
                      <Link className="text-brand-700 hover:underline" href={`/window/points/${x.point.id}`}>
                        {x.point.name}
                      </Link>
                    </>
                  )}
                </>,
              )}
              {row(t("window.f.unit"), locale === "zh" ? x.unit?.nameZh : x.unit?.nameEn)}
              {row(
                t("window.f.hall"),
                x.hall
                  ? `${locale === "zh" ? x.hall.nameZh : x.hall.nameEn}${x.counter ? ` · ${t("window.f.windowN", { n: x.counter.number })}` : ""}`
                  : "—",
              )}
              {row(t("window.f.ticket"), <span className="font-mono">{x.ticket?.number ?? "—"}</span>)}
              {row(t("window.f.clerk"), x.clerk ? `${x.clerk.displayName} (${x.clerk.username})` : "—")}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardBody>
            <dl>
              {row(t("window.f.startedAt"), formatDateTime(x.startedAt, locale))}
              {row(t("window.f.completedAt"), formatDateTime(x.completedAt, locale))}
              {row(t("window.f.serviceTime"), t("window.sup.minutes", { min: minutes }))}
              {row(t("window.f.feeYuan"), `¥${x.feeYuan} · ${t(`window.payments.${x.payment}`)}`)}
              {x.missingDocuments &&
                row(
                  t("window.f.missingDocuments"),
                  <>
                    {x.missingDocuments}
                    {x.tolerated && <Badge className="ml-1">{t("window.detail.tolerated")}</Badge>}
                  </>,
                )}
              {x.followUpDue &&
                row(
                  t("window.f.followUpDue"),
                  <span className="flex flex-wrap items-center gap-2">
                    {dayString(x.followUpDue)}
                    {x.followUpDoneAt ? (
                      <Badge tone="green">
                        {t("window.detail.followUpClosed", { at: formatDateTime(x.followUpDoneAt, locale) })}
                      </Badge>
                    ) : (
                      <>
                        <Badge tone="yellow">{t("window.detail.followUpOpen")}</Badge>
                        {can(user, "window.serve") && <FollowUpDone id={x.id} />}
                      </>
                    )}
                  </span>,
                )}
              {x.refusalReason && row(t("window.f.refusalReason"), x.refusalReason)}
              {x.difficult &&
                row(
                  t("window.f.difficultResolution"),
                  x.difficultResolved ? (
                    x.difficultResolution
                  ) : can(user, "window.serve") ? (
                    <ResolveDifficult id={x.id} />
                  ) : (
                    "—"
                  ),
                )}
              {row(
                t("window.f.evaluation"),
                x.evaluation ? (
                  <span>
                    <Badge tone={tone(ratingTone, x.evaluation.rating)}>
                      {t(`window.ratings.${x.evaluation.rating}`)}
                    </Badge>{" "}
                    {x.evaluation.comment}
                  </span>
                ) : can(user, "window.serve") ? (
                  <RateLater id={x.id} />
                ) : (
                  t("window.detail.noEvaluation")
                ),
                "evaluation",
              )}
              {x.complaint &&
                row(
                  t("window.detail.complaint"),
                  <Link className="text-brand-700 hover:underline" href="/window/complaints">
                    {t(`window.complaintStatus.${x.complaint.status}`)} · {dayString(x.complaint.dueDate)}
                  </Link>,
                )}
              {x.externalRef &&
                row(t("window.f.externalRef"), <span className="font-mono text-xs">{x.externalRef}</span>)}
            </dl>
          </CardBody>
        </Card>
      </div>
      <RecordHistory actor={user} entity="window_transaction" id={id} />
    </div>
  );
}
