"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { createAccidentAction } from "@/lib/accidents/actions";
import { deriveSeverity } from "@/lib/accidents/rules";
import { createAccidentSchema } from "@/lib/accidents/schemas";
import { useT } from "@/lib/i18n/client";
import type { IncidentPrefill } from "@/lib/incidents/prefill";
import { LocationFields, type UnitChoice } from "./location-fields";
import {
  BigInput,
  BigSelect,
  CheckboxLabel,
  CreateRecordForm,
  NotesField,
  OccurredAtField,
  SubmitBar,
  useCreateRecord,
  type State,
} from "./record-form-parts";

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
  const [deaths, setDeaths] = useState("0");
  const [injured, setInjured] = useState("0");
  const [hitAndRun, setHitAndRun] = useState(false);
  const [parties, setParties] = useState<Party[]>([emptyParty()]);
  const create = useCreateRecord(createAccidentSchema, createAccidentAction, "/accidents", (raw) => {
    const values = {
      ...raw,
      vehicles: parties.filter((p) => p.plate || p.vehicleType || p.name || p.idNumber),
    };
    for (const k of Object.keys(values)) if (k.startsWith("p-")) delete (values as Record<string, unknown>)[k];
    return values;
  });
  const { fields } = create;
  const d = deriveSeverity(Number(deaths) || 0, Number(injured) || 0);
  const setParty = (i: number, patch: Partial<Party>) =>
    setParties((ps) => ps.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  /** Party i's control for `key`, named p-<id>-i; only the plate and the ID number have errors of their own. */
  const party = (i: number, key: "plate" | "vehicleType" | "role" | "name" | "idNumber", id: string) => ({
    name: `p-${id}-${i}`,
    errorKey: key === "plate" || key === "idNumber" ? `vehicles.${i}.${key}` : null,
    fieldClassName: "sm:col-span-2",
    state: [parties[i][key], (v: string) => setParty(i, { [key]: v })] as State,
  });

  return (
    <CreateRecordForm testId="accident-form" create={create} prefill={prefill}>
      <div className="grid gap-3 sm:grid-cols-3">
        <OccurredAtField defaultValue={defaultOccurredAt} />
        <BigInput name="deaths" label={t("records.deaths")} inputMode="numeric" state={[deaths, setDeaths]} />
        <BigInput name="injured" label={t("records.injured")} inputMode="numeric" state={[injured, setInjured]} />
        <p className="text-sm sm:col-span-3" data-testid="severity-preview">
          {t("records.severityDerived", {
            severity: t(`records.severities.${d.severity}`) + (d.major ? ` · ${t("records.major")}` : ""),
          })}
        </p>
        <BigSelect name="handling" label={t("records.handling")} of="handlings" defaultValue="onsite" />
        <BigSelect name="cause" label={t("records.cause")} of="causes" />
        <BigSelect name="weather" label={t("records.weather")} of="weathers" />
        <BigSelect name="roadType" label={t("records.roadType")} of="roadTypes" />
        <BigInput name="propertyLossYuan" label={t("records.propertyLossYuan")} inputMode="numeric" />
        <BigInput name="rescueFundYuan" label={t("records.rescueFundYuan")} inputMode="numeric" />
        <CheckboxLabel
          name="hitAndRun"
          checked={hitAndRun}
          onChange={(e) => setHitAndRun(e.target.checked)}
          label={t("records.hitAndRun")}
        />
        {hitAndRun && <CheckboxLabel name="hitAndRunSolved" label={t("records.hitAndRunSolved")} />}
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
            <BigInput {...party(i, "plate", "plate")} label={t("records.plate")} placeholder="贵H12345" />
            <BigSelect {...party(i, "vehicleType", "type")} label={t("records.vehicleType")} of="vehicleTypes" blank />
            <BigSelect {...party(i, "role", "role")} label={t("records.partyRole")} of="partyRoles" />
            <BigInput {...party(i, "name", "name")} label={t("records.partyName")} />
            <BigInput {...party(i, "idNumber", "id")} label={t("records.partyIdNumber")} maxLength={18} />
            <div className="flex items-end justify-between gap-2 sm:col-span-2">
              <CheckboxLabel
                className="flex items-center gap-2 pb-3 text-base"
                checked={p.atFault}
                onChange={(e) => setParty(i, { atFault: e.target.checked })}
                label={t("records.atFault")}
              />
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
      <NotesField error={fields.notes} rows={3} className="text-base" />
      <SubmitBar pending={create.pending} testId="save-accident" label={t("records.saveAccident")} />
    </CreateRecordForm>
  );
}
