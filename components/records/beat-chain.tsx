import Link from "next/link";
import { StatusBadge } from "@/components/incidents/badges";
import { SeverityBadge } from "@/components/records/badges";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Tr } from "@/components/ui/table";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";
import { beatChain } from "@/lib/records/chain-views";

const link = "text-brand-700 hover:underline";

/**
 * 记录链 on a beat's page: the records made in its grid during it (links to the filtered
 * lists), what its people recorded, and the incidents they were dispatched to.
 */
export async function BeatChain({
  actor,
  beatId,
  t,
  locale,
}: {
  actor: Actor;
  beatId: string;
  t: TFunction;
  locale: Locale;
}) {
  const c = await beatChain({ actor, input: { id: beatId } });
  const counts = [
    ["violations", c.onBeat.violations, `/violations?beat=${beatId}`],
    ["accidents", c.onBeat.accidents, `/accidents?beat=${beatId}`],
    ["incidents", c.onBeat.incidents, null],
  ] as const;
  const { violations, accidents } = c.recorded;
  const none = !violations?.length && !accidents?.length;
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="beat-chain">
      <Card>
        <CardHeader title={t("chain.beatRecords")} />
        <CardBody className="space-y-3">
          <p className="text-sm text-slate-500">{t("chain.beatRecordsIntro")}</p>
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm" data-testid="beat-chain-counts">
            {counts.map(([key, n, href]) =>
              n === null ? null : (
                <div key={key} className="flex items-baseline gap-1.5">
                  <dt className="text-slate-500">
                    {t("chain.inGrid")} · {t(`chain.${key}`)}
                  </dt>
                  <dd className="font-semibold tabular-nums">
                    {href && n > 0 ? (
                      <Link href={href} className={link} data-testid={`beat-${key}-link`}>
                        {n}
                      </Link>
                    ) : (
                      n
                    )}
                  </dd>
                </div>
              ),
            )}
          </dl>
          <h3 className="text-sm font-medium text-slate-700">{t("chain.byMember")}</h3>
          {none ? (
            <p className="text-sm text-slate-500">{t("chain.noBeatRecords")}</p>
          ) : (
            <Table data-testid="beat-member-records">
              <tbody>
                {accidents?.map((a) => (
                  <Tr key={a.id}>
                    <Td className="whitespace-nowrap tabular-nums">{formatDateTime(a.occurredAt, locale)}</Td>
                    <Td>
                      <Link href={`/accidents/${a.id}`} className={link}>
                        {t("chain.accidents")}
                      </Link>{" "}
                      <SeverityBadge severity={a.severity} t={t} />
                    </Td>
                    <Td>{a.by}</Td>
                  </Tr>
                ))}
                {violations?.map((v) => (
                  <Tr key={v.id}>
                    <Td className="whitespace-nowrap tabular-nums">{formatDateTime(v.occurredAt, locale)}</Td>
                    <Td>
                      <Link href={`/violations/${v.id}`} className={link}>
                        {locale === "zh" ? v.type.zh : v.type.en}
                      </Link>
                      {v.plate && <span className="ml-1 font-mono text-xs text-slate-500">{v.plate}</span>}
                    </Td>
                    <Td>{v.by}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
          {c.recorded.violationsTotal + c.recorded.accidentsTotal >
            (violations?.length ?? 0) + (accidents?.length ?? 0) && (
            <p className="text-xs text-slate-500">
              {t("chain.moreRecords", { n: c.recorded.violationsTotal + c.recorded.accidentsTotal })}
            </p>
          )}
        </CardBody>
      </Card>
      {c.answered && (
        <Card>
          <CardHeader title={t("chain.beatIncidents")} />
          <CardBody>
            {c.answered.length === 0 ? (
              <p className="text-sm text-slate-500">{t("chain.noBeatIncidents")}</p>
            ) : (
              <Table data-testid="beat-incidents">
                <tbody>
                  {c.answered.map((i) => (
                    <Tr key={i.id}>
                      <Td className="whitespace-nowrap tabular-nums">{formatDateTime(i.receivedAt, locale)}</Td>
                      <Td>
                        <Link href={`/incidents/${i.id}`} className={link}>
                          {t(`incidents.kinds.${i.kind}`)}
                        </Link>{" "}
                        <StatusBadge status={i.status} t={t} />
                      </Td>
                      <Td>{i.people.join("、")}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </CardBody>
        </Card>
      )}
    </div>
  );
}
