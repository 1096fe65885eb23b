"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { createViolationAction } from "@/lib/violations/actions";
import { useI18n } from "@/lib/i18n/client";
import { PLATE_COLORS, VEHICLE_TYPES, VIOLATION_SOURCES } from "@/lib/records/enums";
import { createViolationSchema } from "@/lib/violations/schemas";
import { useFormKey } from "@/components/ui/form-key";
import type { IncidentPrefill } from "@/lib/incidents/prefill";
import { FromIncident } from "./from-incident";
import { LocationFields, type UnitChoice } from "./location-fields";

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
  const router = useRouter();
  const formKey = useFormKey();
  const { run, pending, fields, error } = useAction(createViolationSchema, createViolationAction);
  const [typeKey, setTypeKey] = useState("");
  const [fine, setFine] = useState("");
  const [points, setPoints] = useState("");
  const [seized, setSeized] = useState(false);
  const [detention, setDetention] = useState("");
  const type = types.find((x) => x.key === typeKey);
  const big = "h-12 text-base";

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
    <form
      noValidate
      className="space-y-6"
      data-testid="violation-form"
      onSubmit={(e) => {
        e.preventDefault();
        const values = formValues(e.currentTarget);
        run({ ...values, idempotencyKey: formKey(values) } as never, (d) => router.push(`/violations/${d.id}`));
      }}
    >
      <FormErrors action={{ error, fields }} />
      <FromIncident prefill={prefill} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("records.violationType")} htmlFor="type" error={fields.type} required className="sm:col-span-2">
          <Select
            id="type"
            name="type"
            value={typeKey}
            onChange={(e) => chooseType(e.target.value)}
            className={big}
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
        <Field label={t("records.occurredAt")} htmlFor="occurredAt" error={fields.occurredAt} required>
          <Input
            id="occurredAt"
            name="occurredAt"
            type="datetime-local"
            defaultValue={defaultOccurredAt}
            className={big}
            {...invalidProps("occurredAt", fields.occurredAt)}
          />
        </Field>
        <Field label={t("records.source")} htmlFor="source" error={fields.source}>
          <Select id="source" name="source" defaultValue="onsite" className={big}>
            {VIOLATION_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`records.sources.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("records.optionalDetails")}</legend>
        <Field label={t("records.plate")} htmlFor="plate" error={fields.plate}>
          <Input
            id="plate"
            name="plate"
            autoCapitalize="characters"
            autoComplete="off"
            placeholder="贵H12345"
            className={big}
            {...invalidProps("plate", fields.plate)}
          />
        </Field>
        <Field label={t("records.plateColor")} htmlFor="plateColor" error={fields.plateColor}>
          <Select id="plateColor" name="plateColor" defaultValue="" className={big}>
            <option value="">—</option>
            {PLATE_COLORS.map((c) => (
              <option key={c} value={c}>
                {t(`records.plateColors.${c}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("records.vehicleType")} htmlFor="vehicleType" error={fields.vehicleType}>
          <Select id="vehicleType" name="vehicleType" defaultValue="" className={big}>
            <option value="">—</option>
            {VEHICLE_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(`records.vehicleTypes.${v}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("records.driverName")} htmlFor="driverName" error={fields.driverName}>
          <Input
            id="driverName"
            name="driverName"
            autoComplete="off"
            className={big}
            {...invalidProps("driverName", fields.driverName)}
          />
        </Field>
        <Field label={t("records.driverIdNumber")} htmlFor="driverIdNumber" error={fields.driverIdNumber}>
          <Input
            id="driverIdNumber"
            name="driverIdNumber"
            autoComplete="off"
            inputMode="text"
            maxLength={18}
            className={big}
            {...invalidProps("driverIdNumber", fields.driverIdNumber)}
          />
        </Field>
        <Field label={t("records.licenceNumber")} htmlFor="licenceNumber" error={fields.licenceNumber}>
          <Input
            id="licenceNumber"
            name="licenceNumber"
            autoComplete="off"
            className={big}
            {...invalidProps("licenceNumber", fields.licenceNumber)}
          />
        </Field>
      </fieldset>

      <LocationFields fields={fields} units={units} big defaults={prefill} />

      {canPenalize ? (
        <fieldset className="grid gap-3 sm:grid-cols-4" data-testid="penalty-fields">
          <legend className="mb-2 text-sm font-semibold text-slate-800">{t("records.penalty")}</legend>
          <Field
            label={t("records.fineYuan")}
            htmlFor="fineYuan"
            error={fields.fineYuan}
            hint={
              type
                ? type.fineMaxYuan > 0
                  ? t("records.fineRangeHint", { min: type.fineMinYuan, max: type.fineMaxYuan })
                  : t("records.noFine")
                : undefined
            }
          >
            <Input
              id="fineYuan"
              name="fineYuan"
              inputMode="numeric"
              value={fine}
              onChange={(e) => setFine(e.target.value)}
              className={big}
              {...invalidProps("fineYuan", fields.fineYuan)}
            />
          </Field>
          <Field label={t("records.points")} htmlFor="points" error={fields.points}>
            <Input
              id="points"
              name="points"
              inputMode="numeric"
              value={points}
              onChange={(e) => setPoints(e.target.value)}
              className={big}
              {...invalidProps("points", fields.points)}
            />
          </Field>
          {type && type.maxDetentionDays > 0 ? (
            <Field
              label={t("records.detentionDays")}
              htmlFor="detentionDays"
              error={fields.detentionDays}
              hint={`≤ ${type.maxDetentionDays}`}
            >
              <Input
                id="detentionDays"
                name="detentionDays"
                inputMode="numeric"
                value={detention}
                onChange={(e) => setDetention(e.target.value)}
                className={big}
                {...invalidProps("detentionDays", fields.detentionDays)}
              />
            </Field>
          ) : (
            <div className="hidden sm:block" />
          )}
          <label className="flex items-center gap-3 self-end pb-3 text-base">
            <input
              type="checkbox"
              name="licenceSeized"
              className="h-6 w-6"
              checked={seized}
              onChange={(e) => setSeized(e.target.checked)}
            />
            {t("records.licenceSeized")}
          </label>
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
            <Select id="operationId" name="operationId" defaultValue="" className={big}>
              <option value="">{t("records.noOperation")}</option>
              {operations.map((o) => (
                <option key={o.id} value={o.id}>
                  {t("records.operationOption", { name: o.name, from: o.from, to: o.to })}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field label={t("records.notes")} htmlFor="notes" error={fields.notes} className="sm:col-span-2">
          <Textarea id="notes" name="notes" rows={2} className="text-base" />
        </Field>
      </div>

      <div className="sticky bottom-0 -mx-3 border-t border-slate-200 bg-white/95 p-3 backdrop-blur md:static md:mx-0 md:border-0 md:bg-transparent md:p-0">
        <Button type="submit" size="lg" className="w-full md:w-auto" disabled={pending} data-testid="save-violation">
          {pending ? t("records.saving") : t("records.saveViolation")}
        </Button>
      </div>
    </form>
  );
}
