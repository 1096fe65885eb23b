import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DetailList } from "@/components/records/detail-list";
import { can, type Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import type { TFunction } from "@/lib/i18n/translate";
import { chainLinks } from "@/lib/records/chain";

const link = "text-brand-700 hover:underline";

/**
 * 记录链 of a violation, accident or incident: links to the incident it came from, the
 * beat on duty there and then, the grid, and the officer's other records.
 */
export async function ChainCard({
  actor,
  record,
  officerList,
  t,
  locale,
}: {
  actor: Actor;
  record: { incidentId?: string | null; beatId?: string | null; gridId?: string | null; recordedById?: string | null };
  /** Where the officer's records are listed, e.g. "/violations". */
  officerList: string;
  t: TFunction;
  locale: Locale;
}) {
  const c = await chainLinks({ actor, input: record });
  const items: [string, React.ReactNode][] = [];
  if ("incidentId" in record)
    items.push([
      t("chain.incident"),
      c.incident ? (
        can(actor, "incident.view") || can(actor, "incident.respond") ? (
          <Link href={`/incidents/${c.incident.id}`} className={link} data-testid="chain-incident">
            {t(`incidents.kinds.${c.incident.kind}`)} · {formatDateTime(c.incident.receivedAt, locale)}
          </Link>
        ) : (
          t(`incidents.kinds.${c.incident.kind}`)
        )
      ) : null,
    ]);
  items.push(
    [
      t("chain.beat"),
      c.beat ? (
        <Link href={`/beats/${c.beat.id}`} className={link} data-testid="chain-beat">
          {t(`duty.shifts.${c.beat.shiftKind}`)} · {formatDateTime(c.beat.startsAt, locale)}–
          {formatDateTime(c.beat.endsAt, locale).slice(-5)}
        </Link>
      ) : null,
    ],
    [
      t("chain.grid"),
      c.grid ? (
        <Link href={`/beats/grids/${c.grid.id}`} className={link} data-testid="chain-grid">
          {c.grid.name}
        </Link>
      ) : null,
    ],
    [
      t("chain.officer"),
      c.officer ? (
        <Link href={`${officerList}?recordedBy=${c.officer.id}`} className={link} data-testid="chain-officer">
          {c.officer.name}
        </Link>
      ) : null,
    ],
  );
  return (
    <Card data-testid="record-chain">
      <CardHeader title={t("chain.title")} />
      <CardBody>
        <DetailList items={items} />
      </CardBody>
    </Card>
  );
}
