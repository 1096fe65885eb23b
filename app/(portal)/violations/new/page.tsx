import { ViolationForm } from "@/components/records/violation-form";
import { Card, CardBody } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { currentOperations } from "@/lib/operations/operations";
import { incidentPrefill } from "@/lib/incidents/prefill";
import { orNotFound } from "@/lib/pages";
import { recordUnitsInScope } from "@/lib/records/units";
import { listViolationTypes } from "@/lib/violations/catalogue";
import { mayRecordType } from "@/lib/violations/rules";
import { localDate, localNowInput } from "@/lib/time";

/** /violations/new[?incident=<id>] — with an incident, the form starts from its time and place and links back to it. */
export default async function NewViolationPage({ searchParams }: { searchParams: Promise<{ incident?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "violation.create")) return <Forbidden />;
  const canPenalize = can(user, "violation.penalize");
  const { incident } = await searchParams;
  const [t, locale, types, units, operations, prefill] = await Promise.all([
    getT(),
    getLocale(),
    listViolationTypes({ actor: user, input: { activeOnly: true } }),
    recordUnitsInScope(user),
    currentOperations(user),
    incident ? orNotFound(incidentPrefill({ actor: user, input: { id: incident } })) : undefined,
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={t("records.recordViolation")} />
      <Card>
        <CardBody>
          <ViolationForm
            types={types.filter((x) => mayRecordType(canPenalize, x))}
            canPenalize={canPenalize}
            units={units.map((u) => ({
              code: u.code,
              label: `${u.kind === "SQUAD" ? "　" : ""}${locale === "zh" ? u.nameZh : u.nameEn}`,
            }))}
            operations={operations.map((o) => ({
              id: o.id,
              name: o.name,
              from: localDate(o.startsAt),
              to: localDate(o.endsAt),
            }))}
            defaultOccurredAt={prefill?.occurredAt ?? localNowInput()}
            prefill={prefill}
          />
        </CardBody>
      </Card>
    </div>
  );
}
