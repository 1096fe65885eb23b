"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useT } from "@/lib/i18n/client";
import { dutySettingsSchema } from "@/lib/duty/schemas";
import type { DutySettings } from "@/lib/duty/settings";
import { parseTimeWindows, timeWindowsError } from "@/lib/duty/time-windows";
import { saveDutySettingsAction } from "@/lib/duty/actions";

const NUMBERS = [
  "weightFatal",
  "weightInjury",
  "weightSerious",
  "weightOther",
  "yellowAt",
  "redAt",
  "riskWindowDays",
  "segmentBufferM",
  "minDwellS",
  "staleAfterS",
  "acceptWithinMin",
  "arriveWithinMin",
] as const;

/** A brigade's risk weights and thresholds (红黄绿), and the arrival / staleness rules. */
export function SettingsForm({ unitCode, settings }: { unitCode: string; settings: DutySettings }) {
  const t = useT();
  const router = useRouter();
  const save = useAction(dutySettingsSchema, saveDutySettingsAction);
  const [peaks, setPeaks] = useState(settings.peakWindows.map((w) => `${w.from}-${w.to}`).join(", "));
  return (
    <form
      noValidate
      className="space-y-3"
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        const v = formValues(e.currentTarget);
        save.run({ ...v, unitCode, peakWindows: parseTimeWindows(peaks) } as never, () => router.refresh());
      }}
    >
      <FormErrors action={save} />
      {save.done && <Alert tone="success">{t("duty.grids.settingsSaved")}</Alert>}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {NUMBERS.map((k) => (
          <Field key={k} label={t(`duty.grids.${k}`)} htmlFor={`s-${k}`} error={save.fields[k]}>
            <Input
              id={`s-${k}`}
              name={k}
              type="number"
              inputMode="numeric"
              defaultValue={settings[k]}
              {...invalidProps(`s-${k}`, save.fields[k])}
            />
          </Field>
        ))}
        <Field
          label={t("duty.grids.peakWindows")}
          htmlFor="s-peaks"
          error={timeWindowsError(save.fields, "peakWindows")}
          className="col-span-2"
        >
          <Input
            id="s-peaks"
            value={peaks}
            onChange={(e) => setPeaks(e.target.value)}
            placeholder="07:00-09:00, 17:00-19:00"
          />
        </Field>
      </div>
      <Button type="submit" disabled={save.pending}>
        {save.pending ? t("common.saving") : t("common.save")}
      </Button>
    </form>
  );
}
