import { AccidentForm } from "@/components/records/accident-form";
import { Card, CardBody } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { incidentPrefill } from "@/lib/incidents/prefill";
import { orNotFound } from "@/lib/pages";
import { recordUnitsInScope } from "@/lib/records/units";
import { localNowInput } from "@/lib/time";

/** /accidents/new[?incident=<id>] — with an incident, the form starts from its time and place and links back to it. */
export default async function NewAccidentPage({ searchParams }: { searchParams: Promise<{ incident?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "accident.create")) return <Forbidden />;
  const { incident } = await searchParams;
  const [t, locale, units, prefill] = await Promise.all([
    getT(),
    getLocale(),
    recordUnitsInScope(user),
    incident ? orNotFound(incidentPrefill({ actor: user, input: { id: incident } })) : undefined,
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <PageHeader title={t("records.recordAccident")} />
      <Card>
        <CardBody>
          <AccidentForm
            units={units.map((u) => ({
              code: u.code,
              label: `${u.kind === "SQUAD" ? "　" : ""}${locale === "zh" ? u.nameZh : u.nameEn}`,
            }))}
            defaultOccurredAt={prefill?.occurredAt ?? localNowInput()}
            prefill={prefill}
          />
        </CardBody>
      </Card>
    </div>
  );
}
