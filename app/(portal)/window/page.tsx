import { redirect } from "next/navigation";
import { ClerkScreen } from "@/components/window/clerk-screen";
import { Forbidden } from "@/components/ui/notices";
import { EmptyState } from "@/components/ui/states";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { unitCodesById } from "@/lib/units/read-units";
import { clerkDayTotals } from "@/lib/window/day-summary";
import { listBusinesses } from "@/lib/window/manage-halls";
import { placeOptions } from "@/lib/window/outreach";
import { hallsInScope } from "@/lib/window/places";

export const metadata = { title: "车管窗口" };

/** The clerk screen (窗口办理). People who only supervise land on their own tab. */
export default async function WindowPage() {
  const user = await requirePageUser();
  if (!can(user, "window.view")) return <Forbidden />;
  if (!can(user, "window.serve"))
    redirect(can(user, "window.supervise") ? "/window/supervise" : "/window/transactions");
  const [t, locale, halls, businesses, places, totals] = await Promise.all([
    getT(),
    getLocale(),
    hallsInScope(user),
    listBusinesses({ activeOnly: true }),
    placeOptions(user),
    clerkDayTotals({ actor: user }),
  ]);
  if (!halls.length) return <EmptyState title={t("window.tabs.serve")} body={t("window.serve.noHall")} />;
  const unitCodes = await unitCodesById(halls.map((h) => h.unitId));
  return (
    <>
      <h1 className="sr-only">{t("window.tabs.serve")}</h1>
      <ClerkScreen
        userKey={user.userId}
        canReveal={can(user, "idcard.reveal")}
        halls={halls.map((h) => ({
          code: h.code,
          unitCode: unitCodes.get(h.unitId)!,
          name: locale === "zh" ? h.nameZh : h.nameEn,
          windows: h.counters.filter((c) => c.active).map((c) => c.number),
        }))}
        businesses={businesses.map((b) => ({
          key: b.key,
          name: locale === "zh" ? b.nameZh : b.nameEn,
          letter: b.ticketLetter,
          fee: b.feeYuan,
        }))}
        places={places}
        initialTotals={totals}
      />
    </>
  );
}
