import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Locale } from "@/lib/i18n/config";
import { formatDateTime } from "@/lib/i18n/format";
import { tFor } from "@/lib/i18n/server-free";
import { writeAudit } from "./write-audit";

/** Who exported, when, and from which unit: printed on every export (issue 13). */
export interface ExportMark {
  /** The person's name and username, or the API token's name. */
  by: string;
  at: Date;
  unitCode: string;
  unitZh: string;
  unitEn: string;
}

/**
 * Every export (CSV, XLSX, a printed PDF) writes an audit row with its filter, and carries
 * the returned mark as a watermark: a footer row, the workbook's properties, the page
 * footer. `action` is e.g. "violation.export", "report.export", "report.print".
 */
export async function auditExport({
  actor,
  input,
}: {
  actor: Actor;
  input: { action: string; entity: string; format: string; filter: unknown; unitId?: string; unitPath?: string };
}): Promise<ExportMark> {
  const mark = await exportMark(actor);
  await db.$transaction((tx) =>
    writeAudit(tx, actor, {
      action: input.action,
      entity: input.entity,
      after: { format: input.format, filter: input.filter, watermark: watermarkText(mark, "zh") },
      ...(input.unitId ? { unitId: input.unitId, unitPath: input.unitPath } : {}),
    }),
  );
  return mark;
}

/** The mark of an export by `actor` now (printed pages show it; the print itself is audited on click). */
export async function exportMark(actor: Actor): Promise<ExportMark> {
  const unit = await db.unit.findUniqueOrThrow({
    where: { id: actor.unitId },
    select: { code: true, nameZh: true, nameEn: true },
  });
  const username = "username" in actor ? (actor as { username: string }).username : null;
  return {
    by: username ? `${actor.name} (${username})` : `${actor.name} (API)`,
    at: new Date(),
    unitCode: unit.code,
    unitZh: unit.nameZh,
    unitEn: unit.nameEn,
  };
}

/** 导出：王强 (zy-commander) · 2026-12-03 22:10 · 镇远县公安局交通警察大队（522625） */
export function watermarkText(mark: ExportMark, locale: Locale): string {
  const t = tFor(locale);
  return t("common.exportMark", {
    by: mark.by,
    at: formatDateTime(mark.at, locale),
    unit: `${locale === "zh" ? mark.unitZh : mark.unitEn} (${mark.unitCode})`,
  });
}
