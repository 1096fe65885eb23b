import "server-only";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { DEFAULT_RISK } from "./risk";
import type { DutySettingsInput } from "./schemas";
import { dutyUnitByCode } from "./scope";

export interface DutySettings {
  riskWindowDays: number;
  weightFatal: number;
  weightInjury: number;
  weightSerious: number;
  weightOther: number;
  yellowAt: number;
  redAt: number;
  segmentBufferM: number;
  minDwellS: number;
  staleAfterS: number;
  peakWindows: { from: string; to: string }[];
  /** Incident desk: minutes after a dispatch before "not accepted" / "not on scene" is flagged. */
  acceptWithinMin: number;
  arriveWithinMin: number;
}

export const DEFAULT_SETTINGS: DutySettings = {
  ...DEFAULT_RISK,
  segmentBufferM: 100,
  minDwellS: 120,
  staleAfterS: 600,
  peakWindows: [
    { from: "07:00", to: "09:00" },
    { from: "17:00", to: "19:00" },
  ],
  acceptWithinMin: 3,
  arriveWithinMin: 20,
};

function fromRow(r: Record<string, unknown> | null | undefined): DutySettings {
  if (!r) return { ...DEFAULT_SETTINGS };
  const { unitId: _u, unitPath: _p, updatedAt: _t, ...rest } = r;
  return rest as unknown as DutySettings;
}

/** Settings of several brigades at once (defaults where a brigade has saved none). */
export async function settingsFor(brigadeIds: string[]): Promise<Map<string, DutySettings>> {
  const rows = await db.dutySetting.findMany({ where: { unitId: { in: brigadeIds } } });
  return new Map(brigadeIds.map((id) => [id, fromRow(rows.find((r) => r.unitId === id))]));
}

export async function getDutySettings(brigadeId: string): Promise<DutySettings> {
  return fromRow(await db.dutySetting.findUnique({ where: { unitId: brigadeId } }));
}

/** Saves a brigade's thresholds (grid managers of the brigade, or above it). */
export async function saveDutySettings({ actor, input }: { actor: Actor; input: DutySettingsInput }) {
  assertCan(actor, "grid.manage");
  const unit = await dutyUnitByCode({ actor, code: input.unitCode });
  if (unit.id !== unit.brigade.id)
    throw new AppError("INVALID", "duty.validation.brigadeRequired", {
      fields: [{ path: "unitCode", message: "duty.validation.brigadeRequired" }],
    });
  const { unitCode: _c, ...data } = input;
  return db.$transaction(async (tx) => {
    const before = await tx.dutySetting.findUnique({ where: { unitId: unit.id } });
    const row = await tx.dutySetting.upsert({
      where: { unitId: unit.id },
      create: { unitId: unit.id, unitPath: unit.path, ...data },
      update: data,
    });
    await writeAudit(tx, actor, {
      action: "duty.settings",
      entity: "duty_settings",
      entityId: unit.id,
      before,
      after: row,
      unitId: unit.id,
      unitPath: unit.path,
    });
    return fromRow(row);
  });
}
