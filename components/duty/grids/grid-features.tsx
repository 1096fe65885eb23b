"use client";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, invalidProps, Select } from "@/components/ui/field";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useT } from "@/lib/i18n/client";
import { createPointSchema, createSegmentSchema } from "@/lib/duty/schemas";
import { parseTimeWindows, timeWindowsError } from "@/lib/duty/time-windows";
import type { PointSummary, SegmentSummary } from "@/lib/duty/list-grids";
import { createPointAction, createSegmentAction, deletePointAction, deleteSegmentAction } from "@/lib/duty/actions";

export interface EditorFeatures {
  segments: SegmentSummary[];
  points: PointSummary[];
  officers: { id: string; name: string }[];
}

type Sketch = { type: "LineString"; coordinates: number[][] } | { type: "Point"; coordinates: number[] } | null;

/** A grid's road segments and must-reach points: the lists, and naming a freshly drawn one. */
export function GridFeatures({
  gridId,
  features,
  sketch,
  onSketchDone,
  canManage,
}: {
  gridId: string;
  features: EditorFeatures;
  sketch: Sketch;
  onSketchDone: () => void;
  canManage: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const seg = useAction(createSegmentSchema, createSegmentAction);
  const pt = useAction(createPointSchema, createPointAction);
  const del = useAction(null, deleteSegmentAction);
  const delPt = useAction(null, deletePointAction);
  const after = () => {
    onSketchDone();
    router.refresh();
  };
  return (
    <div className="grid gap-3 md:grid-cols-2">
      {sketch && canManage && (
        <Card className="md:col-span-2 border-brand-300">
          <CardBody>
            <form
              noValidate
              className="flex flex-wrap items-end gap-3"
              data-testid="sketch-form"
              onSubmit={(e) => {
                e.preventDefault();
                const v = formValues(e.currentTarget);
                if (sketch.type === "LineString")
                  seg.run(
                    { gridId, name: v.name, roadChiefUserId: v.roadChiefUserId, geometry: sketch } as never,
                    after,
                  );
                else {
                  const timeWindows = parseTimeWindows(String(v.windows ?? ""));
                  pt.run(
                    {
                      gridId,
                      name: v.name,
                      radiusM: v.radiusM,
                      lat: sketch.coordinates[1],
                      lng: sketch.coordinates[0],
                      timeWindows,
                    } as never,
                    after,
                  );
                }
              }}
            >
              <Field
                label={sketch.type === "LineString" ? t("duty.grids.segmentName") : t("duty.grids.pointName")}
                htmlFor="sk-name"
                error={seg.fields.name ?? pt.fields.name}
                className="w-56"
              >
                <Input
                  id="sk-name"
                  name="name"
                  autoFocus
                  {...invalidProps("sk-name", seg.fields.name ?? pt.fields.name)}
                />
              </Field>
              {sketch.type === "LineString" ? (
                <Field label={t("duty.grids.roadChief")} htmlFor="sk-chief" className="w-48">
                  <Select id="sk-chief" name="roadChiefUserId" defaultValue="">
                    <option value="">{t("duty.beat.none")}</option>
                    {features.officers.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : (
                <>
                  <Field label={t("duty.grids.radius")} htmlFor="sk-radius" error={pt.fields.radiusM} className="w-32">
                    <Input id="sk-radius" name="radiusM" type="number" defaultValue={100} min={5} max={5000} />
                  </Field>
                  <Field
                    label={t("duty.grids.windows")}
                    htmlFor="sk-windows"
                    error={timeWindowsError(pt.fields, "timeWindows")}
                    className="w-56"
                  >
                    <Input id="sk-windows" name="windows" placeholder="07:00-09:00, 17:00-19:00" />
                  </Field>
                </>
              )}
              <Button type="submit" disabled={seg.pending || pt.pending}>
                {sketch.type === "LineString" ? t("duty.grids.addSegment") : t("duty.grids.addPoint")}
              </Button>
              <Button variant="ghost" onClick={onSketchDone}>
                {t("common.cancel")}
              </Button>
              <div className="w-full empty:hidden">
                <FormErrors action={seg.error ? seg : pt} />
              </div>
            </form>
          </CardBody>
        </Card>
      )}
      <Card>
        <CardHeader title={`${t("duty.grids.segments")} (${features.segments.length})`} />
        <CardBody className="space-y-1 text-sm">
          <FormErrors action={del} />
          {features.segments.length === 0 && <p className="text-slate-500">{t("common.empty")}</p>}
          {features.segments.map((s) => (
            <div
              key={s.id}
              className="flex items-center justify-between gap-2 border-b border-slate-100 py-1 last:border-0"
            >
              <span>
                {s.name} · {(s.lengthM / 1000).toFixed(1)} km
                {s.roadChief ? ` · ${t("duty.grids.roadChief")} ${s.roadChief.name}` : ""} ·{" "}
                {t(`duty.risk.${s.risk.colour}`)}
              </span>
              {canManage && (
                <ConfirmButton
                  message={t("duty.grids.deleteConfirm")}
                  confirmLabel={t("duty.grids.delete")}
                  onConfirm={() => del.run({ id: s.id }, () => router.refresh())}
                >
                  {t("duty.grids.delete")}
                </ConfirmButton>
              )}
            </div>
          ))}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={`${t("duty.grids.points")} (${features.points.length})`} />
        <CardBody className="space-y-1 text-sm">
          <FormErrors action={delPt} />
          {features.points.length === 0 && <p className="text-slate-500">{t("common.empty")}</p>}
          {features.points.map((p) => (
            <div
              key={p.id}
              className="flex items-center justify-between gap-2 border-b border-slate-100 py-1 last:border-0"
            >
              <span>
                {p.name} · {p.radiusM} m
                {p.timeWindows.length ? ` · ${p.timeWindows.map((w) => `${w.from}–${w.to}`).join(", ")}` : ""}
              </span>
              {canManage && (
                <ConfirmButton
                  message={t("duty.grids.deleteConfirm")}
                  confirmLabel={t("duty.grids.delete")}
                  onConfirm={() => delPt.run({ id: p.id }, () => router.refresh())}
                >
                  {t("duty.grids.delete")}
                </ConfirmButton>
              )}
            </div>
          ))}
        </CardBody>
      </Card>
    </div>
  );
}
