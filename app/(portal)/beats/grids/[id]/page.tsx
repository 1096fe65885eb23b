import { notFound } from "next/navigation";
import { GridEditor } from "@/components/duty/grids/grid-editor";
import { GridTimeline } from "@/components/records/grid-timeline";
import { RecordHistory } from "@/components/ui/record-history";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { gridEditorContext } from "@/lib/duty/editor-data";
import { getGrid } from "@/lib/duty/list-grids";
import { getLocale, getT } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/pages";
import { zUuid } from "@/lib/validation";

const TONE = { red: "red", yellow: "yellow", green: "green" } as const;

export default async function GridPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "grid.view")) return <Forbidden />;
  const { id } = await params;
  if (!zUuid.safeParse(id).success) notFound();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const grid = await orNotFound(getGrid({ actor: user, id }));
  const ctx = await gridEditorContext({ actor: user, brigadeId: grid.brigadeId, exceptGridId: grid.id });
  const squads = ctx.squads.map((s) => ({
    code: s.code,
    label: locale === "zh" ? s.nameZh : s.nameEn,
    outlineCode: s.outlineCode,
    kind: s.kind,
  }));
  return (
    <div className="space-y-4">
      <PageHeader
        title={grid.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            {locale === "zh" ? grid.unit.nameZh : grid.unit.nameEn}
            <Badge tone={TONE[grid.risk.colour]}>
              {t(`duty.risk.${grid.risk.colour}`)} · {grid.risk.score}
            </Badge>
            <span>{t("duty.board.suggested", { police: grid.staffing.police, aux: grid.staffing.auxiliaries })}</span>
            {grid.demo && <Badge tone="purple">{t("duty.grids.demo")}</Badge>}
          </span>
        }
        actions={<ButtonLink href={`/beats/grids?unit=${grid.unit.code}`}>{t("duty.grids.back")}</ButtonLink>}
      />
      <GridEditor
        squads={squads}
        outlines={ctx.outlines}
        context={ctx.context}
        grid={{
          id: grid.id,
          name: grid.name,
          kind: grid.kind,
          squadCode: grid.unit.code,
          geometry: grid.geometry,
          drivers: grid.drivers,
          roadKm: grid.roadKm,
          difficulty: grid.difficulty,
          availablePolice: grid.availablePolice,
          notes: grid.notes,
        }}
        features={{ segments: grid.segments, points: grid.points, officers: ctx.officers }}
        canManage={can(user, "grid.manage") && !grid.archivedAt}
      />
      <GridTimeline actor={user} gridId={grid.id} t={t} locale={locale} />
      <RecordHistory actor={user} entity="grid" id={grid.id} />
    </div>
  );
}
