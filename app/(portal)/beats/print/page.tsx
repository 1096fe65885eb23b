import { notFound } from "next/navigation";
import { PrintButton } from "@/components/duty/print-button";
import { shiftSpan, WEEKDAYS } from "@/components/duty/roster/format";
import { cssText } from "@/components/stats/report/print-css";
import { NonceStyle } from "@/components/ui/nonce-style";
import { ButtonLink } from "@/components/ui/button";
import { Forbidden } from "@/components/ui/notices";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getRosterBoard } from "@/lib/duty/roster-board";
import { currentWeekStart } from "@/lib/duty/week";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/i18n/format";
import { exportMark, watermarkText } from "@/lib/audit/export-audit";
import { getLocale, getT } from "@/lib/i18n/server";
import { localDate, localDayStart, localParts } from "@/lib/time";
import { zDay } from "@/lib/validation";

/** Printable week roster (A4 landscape): grids × days with everyone's names. */
export default async function PrintPage({ searchParams }: { searchParams: Promise<{ unit?: string; week?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "beat.view")) return <Forbidden />;
  const [sp, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  if (!sp.unit) notFound();
  const week = sp.week && zDay.safeParse(sp.week).success ? sp.week : currentWeekStart();
  const board = await getRosterBoard({ actor: user, input: { unitCode: sp.unit, week } }).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const unitName = locale === "zh" ? board.unit.nameZh : board.unit.nameEn;
  const watermark = watermarkText(await exportMark(user), locale);
  return (
    <div className="print-landscape mx-auto max-w-[1400px] bg-white p-4 text-[12px]" data-testid="print-view">
      <NonceStyle
        css={`
          @media print {
            @page {
              size: A4 landscape;
              margin: 10mm 10mm 14mm;
              @bottom-left {
                content: "${cssText(watermark)}";
                font-size: 7pt;
                color: #64748b;
              }
            }
          }
        `}
      />
      <div className="no-print mb-3 flex gap-2">
        <PrintButton
          label={t("common.print")}
          audit={{ what: "roster", filter: { unit: board.unit.code, week: board.weekStart } }}
        />
        <ButtonLink href={`/beats?unit=${board.unit.code}&week=${board.weekStart}`}>{t("common.back")}</ButtonLink>
      </div>
      <header className="mb-2 flex items-end justify-between border-b-2 border-slate-800 pb-1">
        <div>
          <h1 className="text-lg font-bold">
            {unitName} · {t("duty.print.title")}
          </h1>
          <p>
            {board.days[0]} — {board.days[6]}
          </p>
        </div>
        <p className="text-slate-600">{t("duty.print.printed", { time: formatDateTime(new Date(), locale) })}</p>
      </header>
      <table className="w-full table-fixed border-collapse">
        <thead>
          <tr>
            <th className="w-32 border border-slate-400 bg-slate-100 p-1 text-left">{t("duty.board.grid")}</th>
            {board.days.map((d) => (
              <th key={d} className="border border-slate-400 bg-slate-100 p-1 text-left">
                {WEEKDAYS[locale][localParts(localDayStart(d)).weekday]} {d.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {board.grids.map((g) => (
            <tr key={g.id} className="break-inside-avoid align-top">
              <th className="border border-slate-400 p-1 text-left font-medium">
                {g.name}
                <br />
                <span className="font-normal">{t(`duty.risk.${g.risk.colour}`)}</span>
              </th>
              {board.days.map((d) => (
                <td key={d} className="border border-slate-400 p-1">
                  {board.beats
                    .filter((b) => b.gridId === g.id && localDate(new Date(b.startsAt)) === d)
                    .map((b) => (
                      <div key={b.id} className="mb-1 last:mb-0">
                        <span className="font-medium">
                          {t(`duty.shifts.${b.shiftKind}`)} {shiftSpan(b.startsAt, b.endsAt)}
                        </span>
                        <br />
                        {b.lead?.name ?? t("duty.board.noLead")}
                        {b.auxiliaries.length ? `、${b.auxiliaries.map((a) => a.name).join("、")}` : ""}
                      </div>
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-6">{t("duty.print.signature")} ____________________</p>
    </div>
  );
}
