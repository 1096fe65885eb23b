import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { TripForm } from "@/components/window/place-forms";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { localParts } from "@/lib/time";
import { listUnitsInScope } from "@/lib/units/read-units";
import { listOutreachTrips } from "@/lib/window/outreach";

export const metadata = { title: "送考下乡" };

export default async function TripsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "window.view")) return <Forbidden />;
  const { year: y } = await searchParams;
  const thisYear = localParts(new Date()).year;
  const year = /^\d{4}$/.test(y ?? "") ? Number(y) : thisYear;
  const [t, locale, trips, units] = await Promise.all([
    getT(),
    getLocale(),
    listOutreachTrips({ actor: user, year }),
    listUnitsInScope(user),
  ]);
  const unitOptions = units
    .filter((u) => u.kind === "BRIGADE" || u.kind === "SQUAD")
    .map((u) => ({ code: u.code, name: locale === "zh" ? u.nameZh : u.nameEn }));
  const mayRecord = (can(user, "window.serve") || can(user, "window.manage")) && unitOptions.length > 0;
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("window.trips.title")}
        subtitle={t("window.trips.count", { year, count: trips.length })}
        actions={mayRecord && <TripForm units={unitOptions} label={t("window.trips.new")} testId="new-trip" />}
      />
      <nav className="flex flex-wrap gap-2 text-sm">
        {[thisYear, thisYear - 1, thisYear - 2].map((yy) => (
          <Link
            key={yy}
            href={`/window/trips?year=${yy}`}
            className={`rounded-full px-3 py-1 ${yy === year ? "bg-brand-600 text-white" : "bg-white ring-1 ring-slate-200"}`}
          >
            {yy}
          </Link>
        ))}
      </nav>
      <Card>
        {trips.length === 0 ? (
          <EmptyState title={t("window.trips.empty")} className="border-0" />
        ) : (
          <Table data-testid="trips-table">
            <thead>
              <tr>
                <Th>{t("window.trips.date")}</Th>
                <Th>{t("window.trips.township")}</Th>
                <Th>{t("window.trips.venue")}</Th>
                <Th className="text-right">{t("window.trips.examSessions")}</Th>
                <Th className="text-right">{t("window.trips.candidates")}</Th>
                <Th className="text-right">{t("window.trips.passed")}</Th>
                <Th className="text-right">{t("window.trips.transactions")}</Th>
              </tr>
            </thead>
            <tbody>
              {trips.map((x) => (
                <Tr key={x.id}>
                  <Td>
                    <Link className="text-brand-700 hover:underline" href={`/window/trips/${x.id}`}>
                      {x.tripDate}
                    </Link>
                  </Td>
                  <Td>{x.township}</Td>
                  <Td>{x.venue ?? "—"}</Td>
                  <Td className="text-right">{x.examSessions}</Td>
                  <Td className="text-right">{x.candidates}</Td>
                  <Td className="text-right">{x.passed ?? "—"}</Td>
                  <Td className="text-right">{x.transactions}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </div>
  );
}
