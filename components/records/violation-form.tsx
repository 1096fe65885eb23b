"use client";
import { useState } from "react";
import { Field, invalidProps, Select } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { createViolationAction } from "@/lib/violations/actions";
import { useI18n } from "@/lib/i18n/client";
import { createViolationSchema } from "@/lib/violations/schemas";
import type { IncidentPrefill } from "@/lib/incidents/prefill";
import { LocationFields, type UnitChoice } from "./location-fields";
import {
  BIG,
  CheckboxLabel,
  CreateRecordForm,
  BigInput,
  BigSelect,
  NotesField,
  OccurredAtField,
  SubmitBar,
  useCreateRecord,
} from "./record-form-parts";

export interface TypeChoice {
  key: string;
  nameZh: string;
  nameEn: string;
  fineMinYuan: number;
  fineMaxYuan: number;
  points: number;
  serious: boolean;
  licenceAction: string;
  maxDetentionDays: number;
}

/**
 * Recording a violation on a tablet: big controls, one column on narrow screens. Choosing
 * a type fills its default fine (the lower bound of the legal range) and points; people
 * without the penalty permission (auxiliaries) see no penalty fields at all.
 */
export function ViolationForm({
  types,
  canPenalize,
  units,
  operations,
  defaultOccurredAt,
  prefill,
}: {
  types: TypeChoice[];
  canPenalize: boolean;
  units: UnitChoice[];
  /** Operations in progress, with their dates: two of the same name must not look alike. */
  operations: { id: string; name: string; from: string; to: string }[];
  defaultOccurredAt: string;
  /** Recorded for an incident: its time and place, and the link back. */
  prefill?: IncidentPrefill;
}) {
  const { t, locale } = useI18n();
  const create = useCreateRecord(createViolationSchema, createViolationAction, "/violations");
  const { fields } = create;
  const [typeKey, setTypeKey] = useState("");
  const [fine, setFine] = useState("");
  const [points, setPoints] = useState("");
  const [seized, setSeized] = useState(false);
  const [detention, setDetention] = useState("");
  const type = types.find((x) => x.key === typeKey);

  const chooseType = (key: string) => {
    setTypeKey(key);
    const tp = types.find((x) => x.key === key);
    if (!tp) return;
    setFine(tp.fineMaxYuan > 0 ? String(tp.fineMinYuan) : "");
    setPoints(tp.points > 0 ? String(tp.points) : "");
    setSeized(tp.licenceAction !== "none");
    setDetention("");
  };

  return (
    <CreateRecordForm testId="violation-form" create={create} prefill={prefill}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("records.violationType")} htmlFor="type" error={fields.type} required className="sm:col-span-2">
          <Select
            id="type"
            name="type"
            value={typeKey}
            onChange={(e) => chooseType(e.target.value)}
            className={BIG}
            {...invalidProps("type", fields.type)}
          >
            <option value="">{t("records.chooseType")}</option>
            {types.map((x) => (
              <option key={x.key} value={x.key}>
                {locale === "zh" ? x.nameZh : x.nameEn}
                {x.serious ? ` (${t("records.serious")})` : ""}
              </option>
            ))}
          </Select>
        </Field>
        <OccurredAtField defaultValue={defaultOccurredAt} />
        <BigSelect name="source" label={t("records.source")} of="sources" defaultValue="onsite" />
      </div>

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("records.optionalDetails")}</legend>
        <BigInput
          name="plate"
          label={t("records.plate")}
          autoCapitalize="characters"
          autoComplete="off"
          placeholder="贵H12345"
        />
        <BigSelect name="plateColor" label={t("records.plateColor")} of="plateColors" />
        <BigSelect name="vehicleType" label={t("records.vehicleType")} of="vehicleTypes" />
        <BigInput name="driverName" label={t("records.driverName")} autoComplete="off" />
        <BigInput
          name="driverIdNumber"
          label={t("records.driverIdNumber")}
          autoComplete="off"
          inputMode="text"
          maxLength={18}
        />
        <BigInput name="licenceNumber" label={t("records.licenceNumber")} autoComplete="off" />
      </fieldset>

      <LocationFields fields={fields} units={units} big defaults={prefill} />

      {canPenalize ? (
        <fieldset className="grid gap-3 sm:grid-cols-4" data-testid="penalty-fields">
          <legend className="mb-2 text-sm font-semibold text-slate-800">{t("records.penalty")}</legend>
          <BigInput
            name="fineYuan"
            label={t("records.fineYuan")}
            hint={
              type
                ? type.fineMaxYuan > 0
                  ? t("records.fineRangeHint", { min: type.fineMinYuan, max: type.fineMaxYuan })
                  : t("records.noFine")
                : undefined
            }
            inputMode="numeric"
            state={[fine, setFine]}
          />
          <BigInput name="points" label={t("records.points")} inputMode="numeric" state={[points, setPoints]} />
          {type && type.maxDetentionDays > 0 ? (
            <BigInput
              name="detentionDays"
              label={t("records.detentionDays")}
              hint={`≤ ${type.maxDetentionDays}`}
              inputMode="numeric"
              state={[detention, setDetention]}
            />
          ) : (
            <div className="hidden sm:block" />
          )}
          <CheckboxLabel
            className="flex items-center gap-3 self-end pb-3 text-base"
            name="licenceSeized"
            checked={seized}
            onChange={(e) => setSeized(e.target.checked)}
            label={t("records.licenceSeized")}
          />
          {fields.licenceSeized && (
            <p className="text-sm text-red-600 sm:col-span-4" role="alert">
              {fields.licenceSeized}
            </p>
          )}
          {type && <p className="text-xs text-slate-500 sm:col-span-4">{t("records.typeDefaults")}</p>}
        </fieldset>
      ) : (
        <Alert tone="info">{t("records.penaltyHidden")}</Alert>
      )}

      <div className="grid gap-3 sm:grid-cols-2">
        {operations.length > 0 && (
          <Field label={t("records.operation")} htmlFor="operationId" error={fields.operationId}>
            <Select id="operationId" name="operationId" defaultValue="" className={BIG}>
              <option value="">{t("records.noOperation")}</option>
              {operations.map((o) => (
                <option key={o.id} value={o.id}>
                  {t("records.operationOption", { name: o.name, from: o.from, to: o.to })}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <NotesField error={fields.notes} fieldClassName="sm:col-span-2" rows={2} className="text-base" />
      </div>

      <SubmitBar pending={create.pending} testId="save-violation" label={t("records.saveViolation")} />
    </CreateRecordForm>
  );
}
