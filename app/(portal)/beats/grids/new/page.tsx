import { notFound } from "next/navigation";
import { GridEditor } from "@/components/duty/grids/grid-editor";
import { ButtonLink } from "@/components/ui/button";
import { Forbidden } from "@/components/ui/notices";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/actor";
import { requirePageUser } from "@/lib/auth/session";
import { gridEditorContext } from "@/lib/duty/editor-data";
import { dutyUnitByCode } from "@/lib/duty/scope";
import { isAppError } from "@/lib/errors";
import { getLocale, getT } from "@/lib/i18n/server";

export default async function NewGridPage({ searchParams }: { searchParams: Promise<{ unit?: string }> }) {
  const user = await requirePageUser();
  if (!can(user, "grid.manage")) return <Forbidden />;
  const [{ unit }, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  const du = await dutyUnitByCode({ actor: user, code: unit ?? user.unitCode }).catch((e) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const ctx = await gridEditorContext({ actor: user, brigadeId: du.brigade.id });
  const squads = ctx.squads.map((s) => ({
    code: s.code,
    label: locale === "zh" ? s.nameZh : s.nameEn,
    outlineCode: s.outlineCode,
    kind: s.kind,
  }));
  // The chosen squad first.
  squads.sort((a, b) => Number(b.code === du.code) - Number(a.code === du.code));
  return (
    <div>
      <PageHeader
        title={t("duty.grids.new")}
        actions={<ButtonLink href={`/beats/grids?unit=${du.code}`}>{t("duty.grids.back")}</ButtonLink>}
      />
      <GridEditor squads={squads} outlines={ctx.outlines} context={ctx.context} grid={null} features={null} canManage />
    </div>
  );
}
