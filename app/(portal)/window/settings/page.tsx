import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { BusinessForm, CounterForm, HallForm, HoursForm } from "@/components/window/settings-forms";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listUnitsInScope, unitCodesById } from "@/lib/units/read-units";
import { minutesToHhmm } from "@/lib/window/catalogue";
import { listBusinesses, listHallsForSettings } from "@/lib/window/manage-halls";

export const metadata = { title: "窗口设置" };

export default async function SettingsPage() {
  const user = await requirePageUser();
  const manage = can(user, "window.manage");
  const catalogue = can(user, "admin.catalogue");
  if (!manage && !catalogue) return <Forbidden />;
  const [t, locale, halls, businesses, units] = await Promise.all([
    getT(),
    getLocale(),
    listHallsForSettings(user),
    listBusinesses(),
    listUnitsInScope(user),
  ]);
  const unitCode = await unitCodesById(halls.map((h) => h.unitId));
  const unitOptions = units
    .filter((u) => u.kind === "BRIGADE" || u.kind === "SQUAD")
    .map((u) => ({ code: u.code, name: locale === "zh" ? u.nameZh : u.nameEn }));
  return (
    <div className="space-y-4">
      <PageHeader title={t("window.settings.title")} />
      {manage &&
        halls.map((h) => (
          <Card key={h.id} data-testid={`hall-${h.code}`}>
            <CardHeader
              title={`${locale === "zh" ? h.nameZh : h.nameEn} (${h.code})`}
              subtitle={h.active ? undefined : t("window.settings.inactive")}
              action={
                <Link
                  className="text-sm text-brand-700 hover:underline"
                  href={`/hall/${unitCode.get(h.unitId)}?hall=${h.code}`}
                  target="_blank"
                >
                  {t("window.settings.board")} ↗
                </Link>
              }
            />
            <CardBody className="grid grid-cols-1 gap-6 lg:grid-cols-2">
              <section>
                <h3 className="mb-2 font-medium">{t("window.settings.hours")}</h3>
                <HoursForm
                  hallId={h.id}
                  days={[1, 2, 3, 4, 5, 6, 7].map((d) => {
                    const x = h.hours.find((y) => y.weekday === d);
                    return {
                      weekday: d,
                      open: !!x,
                      opens: x ? minutesToHhmm(x.opensMin) : "08:30",
                      closes: x ? minutesToHhmm(x.closesMin) : "17:30",
                    };
                  })}
                />
              </section>
              <section className="space-y-3">
                <h3 className="font-medium">{t("window.settings.windows")}</h3>
                <div className="flex flex-wrap gap-2">
                  {h.counters.map((c) => (
                    <Badge key={c.id} tone={c.active ? "blue" : "gray"}>
                      {t("window.f.windowN", { n: c.number })}
                      {c.label ? ` · ${c.label}` : ""}
                      {c.letters.length ? ` · ${c.letters.join("")}` : ""}
                      {c.active ? "" : ` · ${t("window.settings.inactive")}`}
                    </Badge>
                  ))}
                </div>
                <CounterForm hallId={h.id} />
                <details className="text-sm">
                  <summary className="cursor-pointer text-slate-600">{t("common.edit")}</summary>
                  <div className="mt-2">
                    <HallForm
                      units={unitOptions}
                      hall={{
                        id: h.id,
                        code: h.code,
                        nameZh: h.nameZh,
                        nameEn: h.nameEn,
                        address: h.address,
                        unitCode: unitCode.get(h.unitId)!,
                        active: h.active,
                      }}
                    />
                  </div>
                </details>
              </section>
            </CardBody>
          </Card>
        ))}
      {manage && unitOptions.length > 0 && (
        <Card>
          <CardHeader title={t("window.settings.newHall")} />
          <CardBody>
            <HallForm units={unitOptions} />
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader
          title={t("window.settings.businesses")}
          subtitle={catalogue ? undefined : t("window.settings.readOnly")}
        />
        <Table data-testid="business-table">
          <thead>
            <tr>
              <Th>{t("window.settings.letter")}</Th>
              <Th>{t("window.settings.key")}</Th>
              <Th>{t("window.settings.nameZh")}</Th>
              <Th>{t("window.settings.nameEn")}</Th>
              <Th>{t("window.f.category")}</Th>
              <Th className="text-right">{t("window.settings.minutes")}</Th>
              <Th className="text-right">{t("window.settings.fee")}</Th>
              <Th>{t("common.status")}</Th>
            </tr>
          </thead>
          <tbody>
            {businesses.map((b) => (
              <Tr key={b.key}>
                <Td className="font-mono font-bold">{b.ticketLetter}</Td>
                <Td className="font-mono text-xs">{b.key}</Td>
                <Td>{b.nameZh}</Td>
                <Td>{b.nameEn}</Td>
                <Td className="text-xs">{t(`window.categories.${b.categoryKey}`)}</Td>
                <Td className="text-right">{b.expectedMinutes}</Td>
                <Td className="text-right">{b.feeYuan}</Td>
                <Td>
                  {b.active ? (
                    <Badge tone="green">{t("window.settings.active")}</Badge>
                  ) : (
                    <Badge>{t("window.settings.inactive")}</Badge>
                  )}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
        {catalogue && (
          <CardBody className="border-t border-slate-100">
            <BusinessForm />
          </CardBody>
        )}
      </Card>
    </div>
  );
}
