import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/config";
import type { TFunction } from "@/lib/i18n/translate";
import { gridTimeline } from "@/lib/records/chain-views";
import { addDays } from "@/lib/time";
import { formatWith } from "@/lib/i18n/format";

const link = "text-brand-700 hover:underline";

/**
 * 记录链 on a grid's page: its records month by month (violations, accidents with injured
 * and deaths, incidents, beat-hours), each count linking to the list filtered by grid and
 * month. A bar behind each violation count shows the trend without any client script.
 */
export async function GridTimeline({
  actor,
  gridId,
  t,
  locale,
}: {
  actor: Actor;
  gridId: string;
  t: TFunction;
  locale: Locale;
}) {
  const rows = await gridTimeline({ actor, input: { id: gridId, months: 12 } });
  const max = Math.max(1, ...rows.map((r) => r.violations ?? 0));
  const monthEnd = (m: string) => addDays(rows.find((r) => r.month > m)?.month ?? nextMonth(m), -1);
  const label = (m: string) =>
    formatWith.date(new Date(`${m}T00:00:00+08:00`), locale === "zh" ? "zh-CN" : "en-GB", {
      timeZone: "Asia/Shanghai",
      year: "numeric",
      month: "short",
    });
  const showV = rows[0]?.violations !== null;
  const showA = rows[0]?.accidents !== null;
  const showI = rows[0]?.incidents !== null;
  const cellLink = (list: string, r: (typeof rows)[number], n: number | null) =>
    n ? (
      <Link href={`/${list}?grid=${gridId}&from=${r.month}&to=${monthEnd(r.month)}`} className={link}>
        {n}
      </Link>
    ) : (
      (n ?? "—")
    );
  return (
    <Card data-testid="grid-timeline">
      <CardHeader title={t("chain.gridRecords")} />
      <CardBody className="space-y-2">
        <p className="text-sm text-slate-500">{t("chain.gridRecordsIntro")}</p>
        <Table>
          <thead>
            <tr>
              <Th>{t("chain.month")}</Th>
              {showV && <Th className="w-1/3">{t("chain.violations")}</Th>}
              {showA && <Th className="text-right">{t("chain.accidents")}</Th>}
              {showA && <Th className="text-right">{t("measures.injured")}</Th>}
              {showA && <Th className="text-right">{t("measures.deaths")}</Th>}
              {showI && <Th className="text-right">{t("chain.incidents")}</Th>}
              <Th className="text-right">{t("measures.beatHours")}</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Tr key={r.month} data-month={r.month}>
                <Td className="whitespace-nowrap">{label(r.month)}</Td>
                {showV && (
                  <Td>
                    <div className="flex items-center gap-2">
                      <span
                        aria-hidden
                        className="h-2 rounded-sm bg-brand-500/70"
                        style={{ width: `${((r.violations ?? 0) / max) * 100}%`, minWidth: r.violations ? 2 : 0 }}
                      />
                      <span className="tabular-nums">{cellLink("violations", r, r.violations)}</span>
                    </div>
                  </Td>
                )}
                {showA && <Td className="text-right tabular-nums">{cellLink("accidents", r, r.accidents)}</Td>}
                {showA && <Td className="text-right tabular-nums">{r.injured}</Td>}
                {showA && <Td className="text-right tabular-nums">{r.deaths}</Td>}
                {showI && <Td className="text-right tabular-nums">{r.incidents}</Td>}
                <Td className="text-right tabular-nums">{r.beatHours}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </CardBody>
    </Card>
  );
}

function nextMonth(m: string): string {
  const [y, mo] = m.split("-").map(Number);
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, "0")}-01`;
}
