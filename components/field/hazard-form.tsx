"use client";
/** A road hazard (隐患) found on patrol: title, description, deadline, location, photos. */
import { useState } from "react";
import { useI18n } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";
import { createHazardSchema } from "@/lib/hazards/schemas";
import { addDays, localDate } from "@/lib/time";
import { LocationPicker } from "./location-picker";
import { CaptureFrame, SaveBlock, TextRow, useCapture, type CaptureFormProps } from "./capture-form";

export function HazardForm(props: CaptureFormProps) {
  const { data, lastFix, initial, onSubmit } = props;
  const { t } = useI18n();
  const c = useCapture(props);
  const [title, setTitle] = useState(String(initial?.title ?? ""));
  const [description, setDescription] = useState(String(initial?.description ?? ""));
  const [deadline, setDeadline] = useState(String(initial?.deadline ?? addDays(localDate(new Date()), 15)));

  const submit = async () => {
    const body: Record<string, unknown> = {
      foundAt: initial?.foundAt ?? new Date().toISOString(),
      title,
      description,
      deadline,
      source: "patrol",
      ...c.where,
    };
    if (!c.check(createHazardSchema, body)) return;
    const summary = `${t("field.outbox.kinds.hazard")} · ${title}`;
    await onSubmit({ kind: "hazard", body, summary, photos: c.photos }, false);
  };
  const err = (k: string) => (c.errors[k] ? translateMessage(t, c.errors[k]) : undefined);

  return (
    <CaptureFrame testId="hazard-form" seed={c.seed} onSave={() => void submit()}>
      <TextRow
        id="field-title"
        label={t("field.capture.title")}
        value={title}
        onChange={setTitle}
        error={err("title")}
      />
      <TextRow
        id="field-description"
        label={t("field.capture.description")}
        value={description}
        onChange={setDescription}
        rows={3}
        error={err("description")}
      />
      <TextRow
        id="field-deadline"
        type="date"
        label={t("field.capture.deadline")}
        value={deadline}
        onChange={setDeadline}
        error={err("deadline")}
      />
      <LocationPicker value={c.loc} onChange={c.setLoc} lastFix={lastFix} data={data} />
      <SaveBlock fixing={!!initial} photos={c.photos} onPhotos={c.setPhotos} error={err("form")} />
    </CaptureFrame>
  );
}
