import { notFound } from "next/navigation";
import { RosterBoardView } from "@/components/duty/roster/roster-board";
import { UnitPicker } from "@/components/duty/unit-picker";
import { ButtonLink } from "@/components/ui/button";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { getRosterBoard } from "@/lib/duty/roster-board";
import { currentWeekStart, weekStartOf } from "@/lib/duty/week";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";
import { addDays } from "@/lib/time";
import { listUnitsInScope } from "@/lib/units/read-units";
import { zDay } from "@/lib/validation";

export default async function BeatsPage({ searchParams }: { searchParams: Promise<{ unit?: string; week?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "beat.view")) return <Forbidden />;
  const [sp, t, locale, units] = await Promise.all([searchParams, getT(), getLocale(), listUnitsInScope(user)]);
  const squads = units.filter((u) => u.kind === "SQUAD");
  const label = (u: { nameZh: string; nameEn: string }) => (locale === "zh" ? u.nameZh : u.nameEn);
  if (squads.length === 0) return <EmptyState title={t("duty.board.noGrids")} />;
  const unitCode = sp.unit ?? squads[0].code;
  const week = sp.week && zDay.safeParse(sp.week).success ? weekStartOf(sp.week) : currentWeekStart();
  const board = await getRosterBoard({ actor: user, input: { unitCode, week } }).catch((e) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "INVALID")) notFound();
    throw e;
  });
  const qs = (w: string) => `/beats?unit=${encodeURIComponent(unitCode)}&week=${w}`;
  return (
    <div>
      <PageHeader
        title={t("duty.board.title")}
        subtitle={t("duty.board.subtitle", { unit: label(board.unit), from: board.days[0], to: board.days[6] })}
        actions={
          <>
            <UnitPicker
              units={squads.map((s) => ({ code: s.code, label: label(s) }))}
              value={unitCode}
              label={t("duty.board.squad")}
              testId="board-squad"
            />
            {can(user, "grid.view") && (
              <ButtonLink href={`/beats/grids?unit=${encodeURIComponent(unitCode)}`} size="md">
                {t("duty.board.manageGrids")}
              </ButtonLink>
            )}
            <ButtonLink href={`/beats/actual?unit=${encodeURIComponent(unitCode)}`} size="md">
              {t("duty.board.planVsActual")}
            </ButtonLink>
          </>
        }
      />
      <nav className="mb-3 flex flex-wrap items-center gap-2" aria-label={t("duty.board.week")}>
        <ButtonLink href={qs(addDays(board.weekStart, -7))} size="sm" data-testid="prev-week">
          ← {t("duty.board.prevWeek")}
        </ButtonLink>
        <ButtonLink href={qs(currentWeekStart())} size="sm">
          {t("duty.board.thisWeek")}
        </ButtonLink>
        <ButtonLink href={qs(addDays(board.weekStart, 7))} size="sm" data-testid="next-week">
          {t("duty.board.nextWeek")} →
        </ButtonLink>
        <ButtonLink
          href={`/beats/print?unit=${encodeURIComponent(unitCode)}&week=${board.weekStart}`}
          size="sm"
          variant="ghost"
          data-testid="print-link"
        >
          {t("duty.board.print")}
        </ButtonLink>
      </nav>
      <RosterBoardView board={board} canManage={can(user, "beat.manage")} locale={locale} />
    </div>
  );
}
