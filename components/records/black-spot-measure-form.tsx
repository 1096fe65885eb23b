"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { blackSpotMeasureAction } from "@/lib/hazards/actions";
import { BLACK_SPOT_MEASURE_KINDS, blackSpotMeasureSchema } from "@/lib/hazards/schemas";
import { useT } from "@/lib/i18n/client";

/** 记录措施: what was done at the black spot and from which day (the effect is computed, never typed). */
export function BlackSpotMeasureForm({
  cell,
  today,
  hazards,
}: {
  cell: string;
  today: string;
  hazards: { id: string; title: string }[];
}) {
  const t = useT();
  const router = useRouter();
  const save = useAction(blackSpotMeasureSchema, blackSpotMeasureAction);
  const [kind, setKind] = useState<string>("hazard");
  return (
    <form
      noValidate
      className="grid gap-3 sm:grid-cols-[12rem_10rem_minmax(0,1fr)]"
      data-testid="measure-form"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        save.run(
          {
            cell,
            kind,
            description: String(f.get("description") ?? ""),
            startsOn: String(f.get("startsOn") ?? ""),
            hazardId: kind === "hazard" ? String(f.get("hazardId") ?? "") : "",
          } as never,
          () => {
            form.reset();
            router.refresh();
          },
        );
      }}
    >
      {save.error && (
        <div className="sm:col-span-3">
          <Alert>{save.error}</Alert>
        </div>
      )}
      <Field label={t("measures.kind")} htmlFor="measure-kind" error={save.fields.kind} required>
        <Select id="measure-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          {BLACK_SPOT_MEASURE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`measures.kinds.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("measures.startsOn")} htmlFor="measure-starts" error={save.fields.startsOn} required>
        <Input id="measure-starts" name="startsOn" type="date" max={today} defaultValue={today} />
      </Field>
      {kind === "hazard" && hazards.length > 0 ? (
        <Field label={t("measures.hazard")} htmlFor="measure-hazard" error={save.fields.hazardId}>
          <Select id="measure-hazard" name="hazardId" defaultValue={hazards[0].id}>
            <option value="">—</option>
            {hazards.map((h) => (
              <option key={h.id} value={h.id}>
                {h.title}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <div className="hidden sm:block" />
      )}
      <Field
        label={t("measures.description")}
        htmlFor="measure-description"
        error={save.fields.description}
        required
        className="sm:col-span-3"
      >
        <Textarea id="measure-description" name="description" rows={2} maxLength={500} />
      </Field>
      <div className="sm:col-span-3">
        <Button type="submit" disabled={save.pending} data-testid="measure-save">
          {t("measures.add")}
        </Button>
      </div>
    </form>
  );
}
