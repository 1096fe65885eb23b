"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { createAccidentAction } from "@/lib/accidents/actions";
import { deriveSeverity } from "@/lib/accidents/rules";
import { createAccidentSchema } from "@/lib/accidents/schemas";
import { useT } from "@/lib/i18n/client";
import {
  ACCIDENT_CAUSES,
  ACCIDENT_HANDLING,
  PARTY_ROLES,
  ROAD_TYPES,
  VEHICLE_TYPES,
  WEATHER,
} from "@/lib/records/enums";
import { useFormKey } from "@/components/ui/form-key";
import type { IncidentPrefill } from "@/lib/incidents/prefill";
import { FromIncident } from "./from-incident";
import { LocationFields, type UnitChoice } from "./location-fields";

interface Party {
  plate: string;
  vehicleType: string;
  name: string;
  idNumber: string;
  role: string;
  atFault: boolean;
}
const emptyParty = (): Party => ({
  plate: "",
  vehicleType: "",
  name: "",
  idNumber: "",
  role: "driver",
  atFault: false,
});

/** Recording an accident on a tablet. Severity is shown as it follows from the counts; it is never typed. */
export function AccidentForm({
  units,
  defaultOccurredAt,
  prefill,
}: {
  units: UnitChoice[];
  defaultOccurredAt: string;
  /** Recorded for an incident: its time and place, and the link back. */
  prefill?: IncidentPrefill;
}) {
  const t = useT();
  const router = useRouter();
  const formKey = useFormKey();
  const { run, pending, fields, error } = useAction(createAccidentSchema, createAccidentAction);
  const [deaths, setDeaths] = useState("0");
  const [injured, setInjured] = useState("0");
  const [hitAndRun, setHitAndRun] = useState(false);
  const [parties, setParties] = useState<Party[]>([emptyParty()]);
  const d = deriveSeverity(Number(deaths) || 0, Number(injured) || 0);
  const big = "h-12 text-base";
  const setParty = (i: number, patch: Partial<Party>) =>
    setParties((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const sel = (name: string, values: readonly string[], ns: string, dflt = "") => (
    <Select id={name} name={name} defaultValue={dflt} className={big}>
      {!dflt && <option value="">—</option>}
      {values.map((v) => (
        <option key={v} value={v}>
          {t(`records.${ns}.${v}`)}
        </option>
      ))}
    </Select>
  );

  return (
    <form
      noValidate
      className="space-y-6"
      data-testid="accident-form"
      onSubmit={(e) => {
        e.preventDefault();
        const values = {
          ...formValues(e.currentTarget),
          vehicles: parties.filter((p) => p.plate || p.vehicleType || p.name || p.idNumber),
        };
        for (const k of Object.keys(values)) if (k.startsWith("p-")) delete (values as Record<string, unknown>)[k];
        run({ ...values, idempotencyKey: formKey(values) } as never, (r) => router.push(`/accidents/${r.id}`));
      }}
    >
      <FormErrors action={{ error, fields }} />
      <FromIncident prefill={prefill} />
      <div className="grid gap-3 sm:grid-cols-3">
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
        <Field label={t("records.deaths")} htmlFor="deaths" error={fields.deaths}>
          <Input
            id="deaths"
            name="deaths"
            inputMode="numeric"
            value={deaths}
            onChange={(e) => setDeaths(e.target.value)}
            className={big}
            {...invalidProps("deaths", fields.deaths)}
          />
        </Field>
        <Field label={t("records.injured")} htmlFor="injured" error={fields.injured}>
          <Input
            id="injured"
            name="injured"
            inputMode="numeric"
            value={injured}
            onChange={(e) => setInjured(e.target.value)}
            className={big}
            {...invalidProps("injured", fields.injured)}
          />
        </Field>
        <p className="text-sm sm:col-span-3" data-testid="severity-preview">
          {t("records.severityDerived", {
            severity: t(`records.severities.${d.severity}`) + (d.major ? ` · ${t("records.major")}` : ""),
          })}
        </p>
        <Field label={t("records.handling")} htmlFor="handling" error={fields.handling}>
          {sel("handling", ACCIDENT_HANDLING, "handlings", "onsite")}
        </Field>
        <Field label={t("records.cause")} htmlFor="cause" error={fields.cause}>
          {sel("cause", ACCIDENT_CAUSES, "causes")}
        </Field>
        <Field label={t("records.weather")} htmlFor="weather" error={fields.weather}>
          {sel("weather", WEATHER, "weathers")}
        </Field>
        <Field label={t("records.roadType")} htmlFor="roadType" error={fields.roadType}>
          {sel("roadType", ROAD_TYPES, "roadTypes")}
        </Field>
        <Field label={t("records.propertyLossYuan")} htmlFor="propertyLossYuan" error={fields.propertyLossYuan}>
          <Input
            id="propertyLossYuan"
            name="propertyLossYuan"
            inputMode="numeric"
            className={big}
            {...invalidProps("propertyLossYuan", fields.propertyLossYuan)}
          />
        </Field>
        <Field label={t("records.rescueFundYuan")} htmlFor="rescueFundYuan" error={fields.rescueFundYuan}>
          <Input
            id="rescueFundYuan"
            name="rescueFundYuan"
            inputMode="numeric"
            className={big}
            {...invalidProps("rescueFundYuan", fields.rescueFundYuan)}
          />
        </Field>
        <label className="flex items-center gap-3 text-base">
          <input
            type="checkbox"
            name="hitAndRun"
            className="h-6 w-6"
            checked={hitAndRun}
            onChange={(e) => setHitAndRun(e.target.checked)}
          />
          {t("records.hitAndRun")}
        </label>
        {hitAndRun && (
          <label className="flex items-center gap-3 text-base">
            <input type="checkbox" name="hitAndRunSolved" className="h-6 w-6" />
            {t("records.hitAndRunSolved")}
          </label>
        )}
      </div>

      <fieldset className="space-y-3" data-testid="vehicles">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("records.vehicles")}</legend>
        {fields.vehicles && (
          <p className="text-sm text-red-600" role="alert">
            {fields.vehicles}
          </p>
        )}
        {parties.map((p, i) => (
          <div key={i} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-6">
            <Field
              label={t("records.plate")}
              htmlFor={`p-plate-${i}`}
              error={fields[`vehicles.${i}.plate`]}
              className="sm:col-span-2"
            >
              <Input
                id={`p-plate-${i}`}
                name={`p-plate-${i}`}
                value={p.plate}
                onChange={(e) => setParty(i, { plate: e.target.value })}
                placeholder="贵H12345"
                className={big}
                {...invalidProps(`p-plate-${i}`, fields[`vehicles.${i}.plate`])}
              />
            </Field>
            <Field label={t("records.vehicleType")} htmlFor={`p-type-${i}`} className="sm:col-span-2">
              <Select
                id={`p-type-${i}`}
                name={`p-type-${i}`}
                value={p.vehicleType}
                onChange={(e) => setParty(i, { vehicleType: e.target.value })}
                className={big}
              >
                <option value="">—</option>
                {VEHICLE_TYPES.map((v) => (
                  <option key={v} value={v}>
                    {t(`records.vehicleTypes.${v}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("records.partyRole")} htmlFor={`p-role-${i}`} className="sm:col-span-2">
              <Select
                id={`p-role-${i}`}
                name={`p-role-${i}`}
                value={p.role}
                onChange={(e) => setParty(i, { role: e.target.value })}
                className={big}
              >
                {PARTY_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`records.partyRoles.${r}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t("records.partyName")} htmlFor={`p-name-${i}`} className="sm:col-span-2">
              <Input
                id={`p-name-${i}`}
                name={`p-name-${i}`}
                value={p.name}
                onChange={(e) => setParty(i, { name: e.target.value })}
                className={big}
              />
            </Field>
            <Field
              label={t("records.partyIdNumber")}
              htmlFor={`p-id-${i}`}
              error={fields[`vehicles.${i}.idNumber`]}
              className="sm:col-span-2"
            >
              <Input
                id={`p-id-${i}`}
                name={`p-id-${i}`}
                value={p.idNumber}
                maxLength={18}
                onChange={(e) => setParty(i, { idNumber: e.target.value })}
                className={big}
                {...invalidProps(`p-id-${i}`, fields[`vehicles.${i}.idNumber`])}
              />
            </Field>
            <div className="flex items-end justify-between gap-2 sm:col-span-2">
              <label className="flex items-center gap-2 pb-3 text-base">
                <input
                  type="checkbox"
                  className="h-6 w-6"
                  checked={p.atFault}
                  onChange={(e) => setParty(i, { atFault: e.target.checked })}
                />
                {t("records.atFault")}
              </label>
              {parties.length > 1 && (
                <Button variant="ghost" onClick={() => setParties((ps) => ps.filter((_, j) => j !== i))}>
                  {t("records.removeVehicle")}
                </Button>
              )}
            </div>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setParties((ps) => [...ps, emptyParty()])} data-testid="add-vehicle">
          {t("records.addVehicle")}
        </Button>
      </fieldset>

      <LocationFields fields={fields} units={units} big defaults={prefill} />
      <Field label={t("records.notes")} htmlFor="notes" error={fields.notes}>
        <Textarea id="notes" name="notes" rows={3} className="text-base" />
      </Field>
      <div className="sticky bottom-0 -mx-3 border-t border-slate-200 bg-white/95 p-3 backdrop-blur md:static md:mx-0 md:border-0 md:bg-transparent md:p-0">
        <Button type="submit" size="lg" className="w-full md:w-auto" disabled={pending} data-testid="save-accident">
          {pending ? t("records.saving") : t("records.saveAccident")}
        </Button>
      </div>
    </form>
  );
}
