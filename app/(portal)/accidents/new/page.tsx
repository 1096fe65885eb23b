import { AccidentForm } from "@/components/records/accident-form";
import { Card, CardBody } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { localNowInput } from "@/lib/records/page-helpers";
import { recordUnitsInScope } from "@/lib/records/units";

export default async function NewAccidentPage() {
  const user = await requirePageUser();
  if (!can(user, "accident.create")) return <Forbidden />;
  const [t, locale, units] = await Promise.all([getT(), getLocale(), recordUnitsInScope(user)]);
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
            defaultOccurredAt={localNowInput()}
          />
        </CardBody>
      </Card>
    </div>
  );
}
