import { Forbidden } from "@/components/ui/notices";
import { EmptyState } from "@/components/ui/states";
import { TicketIssuer } from "@/components/window/ticket-issuer";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getLocale, getT } from "@/lib/i18n/server";
import { listBusinesses } from "@/lib/window/manage-halls";
import { hallsInScope } from "@/lib/window/places";

export const metadata = { title: "取号" };

/** 取号: the hall guide (or a signed-in kiosk) issues queue tickets. */
export default async function TicketsPage() {
  const user = await requirePageUser();
  if (!can(user, "window.serve")) return <Forbidden />;
  const [t, locale, halls, businesses] = await Promise.all([
    getT(),
    getLocale(),
    hallsInScope(user),
    listBusinesses({ activeOnly: true }),
  ]);
  if (!halls.length) return <EmptyState title={t("window.tickets.title")} body={t("window.serve.noHall")} />;
  return (
    <TicketIssuer
      halls={halls.map((h) => ({ code: h.code, name: locale === "zh" ? h.nameZh : h.nameEn }))}
      businesses={businesses.map((b) => ({
        key: b.key,
        name: locale === "zh" ? b.nameZh : b.nameEn,
        letter: b.ticketLetter,
        fee: b.feeYuan,
      }))}
    />
  );
}
