"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { FeatureCollection, Polygon } from "geojson";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Field, Input, invalidProps, Select, Textarea } from "@/components/ui/field";
import { Alert, LoadingBlock } from "@/components/ui/states";
import { formValues, useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useT } from "@/lib/i18n/client";
import { bboxOf } from "@/lib/geo/geometry";
import { areasOverlap, centroidOf, gridGeometryProblems } from "@/lib/geo/plane";
import type { Area } from "@/lib/geo/geometry";
import { createGridSchema, GRID_KINDS, updateGridSchema } from "@/lib/duty/schemas";
import { archiveGridAction, createGridAction, updateGridAction } from "@/lib/duty/actions";
import type { DrawMode } from "./editor-map";
import { GridFeatures, type EditorFeatures } from "./grid-features";

const EditorMap = dynamic(() => import("./editor-map"), { ssr: false, loading: () => <LoadingBlock label="…" /> });

export interface EditorGrid {
  id: string;
  name: string;
  kind: string;
  squadCode: string;
  geometry: Area;
  drivers: number | null;
  roadKm: number | null;
  difficulty: number;
  availablePolice: number | null;
  notes: string | null;
}

/**
 * Draw or edit a grid: the polygon on the map (validated as you draw, with the same
 * rules the server applies: no self-intersection, inside the squad's outline), its name,
 * kind and sizing factors; for an existing grid also its segments and must-reach points.
 */
export function GridEditor({
  squads,
  outlines,
  context,
  grid,
  features,
  canManage,
}: {
  squads: { code: string; label: string; outlineCode: string | null; kind: string }[];
  outlines: Record<string, Area>;
  context: { id: string; name: string; geometry: Area }[];
  grid: EditorGrid | null;
  features: EditorFeatures | null;
  canManage: boolean;
}) {
  const t = useT();
  const router = useRouter();
  const [squad, setSquad] = useState(grid?.squadCode ?? squads[0]?.code ?? "");
  const [polygon, setPolygon] = useState<Polygon | null>(grid?.geometry.type === "Polygon" ? grid.geometry : null);
  const [mode, setMode] = useState<DrawMode>(grid ? "select" : "polygon");
  const [clearToken, setClearToken] = useState(0);
  const [sketch, setSketch] = useState<
    { type: "LineString"; coordinates: number[][] } | { type: "Point"; coordinates: number[] } | null
  >(null);
  const [saved, setSaved] = useState<number | null>(null);
  const create = useAction(createGridSchema, createGridAction);
  const update = useAction(updateGridSchema, updateGridAction);
  const archive = useAction(null, archiveGridAction);
  const action = grid ? update : create;

  const outlineCode = squads.find((s) => s.code === squad)?.outlineCode ?? null;
  const outline = outlineCode ? outlines[outlineCode] : null;
  const geometry: Area | null = polygon ?? (grid && grid.geometry.type === "MultiPolygon" ? grid.geometry : null);
  const problems = geometry ? gridGeometryProblems(geometry, outline) : [];
  // Overlaps are allowed (records go to the smaller grid) but worth a warning.
  const overlapping =
    geometry && !problems.length ? context.filter((c) => areasOverlap(geometry, c.geometry)).map((c) => c.name) : [];
  const bounds = useMemo(
    () =>
      bboxOf(grid?.geometry ?? outline ?? { type: "Point", coordinates: [108.42, 27.05] }) as [
        number,
        number,
        number,
        number,
      ],
    [grid, outline],
  );
  const contextFc: FeatureCollection = useMemo(
    () => ({
      type: "FeatureCollection",
      features: context.map((c) => ({ type: "Feature", geometry: c.geometry, properties: { name: c.name } })),
    }),
    [context],
  );
  const featureFc: FeatureCollection = useMemo(
    () => ({
      type: "FeatureCollection",
      features: [
        ...(features?.segments ?? []).map((s) => ({
          type: "Feature" as const,
          geometry: s.geometry,
          properties: { name: s.name },
        })),
        ...(features?.points ?? []).map((p) => ({
          type: "Feature" as const,
          geometry: { type: "Point" as const, coordinates: [p.lng, p.lat] },
          properties: { name: p.name },
        })),
      ],
    }),
    [features],
  );
  const labels = useMemo(
    () =>
      context.map((c) => {
        const [lng, lat] = centroidOf(c.geometry);
        return { lng, lat, text: c.name };
      }),
    [context],
  );

  const submit = (form: HTMLFormElement) => {
    setSaved(null);
    const v = formValues(form);
    const body = { ...v, geometry: geometry ?? undefined };
    const onOk = (d: { id: string; reassigned: number }) => {
      setSaved(d.reassigned);
      if (!grid) router.push(`/beats/grids/${d.id}`);
      else router.refresh();
    };
    if (grid) update.run({ ...body, id: grid.id, geometry: polygon ?? undefined } as never, onOk);
    else create.run({ ...body, unitCode: squad } as never, onOk);
  };
  const modeButton = (m: DrawMode, label: string) => (
    <Button
      size="sm"
      variant={mode === m ? "primary" : "secondary"}
      onClick={() => setMode(m)}
      aria-pressed={mode === m}
      data-testid={`mode-${m}`}
    >
      {label}
    </Button>
  );

  return (
    <div className="grid gap-4 xl:grid-cols-[22rem_1fr]">
      <div className="space-y-3">
        <form
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            submit(e.currentTarget);
          }}
          data-testid="grid-form"
        >
          <FormErrors action={action} />
          {saved !== null && <Alert tone="success">{t("duty.grids.saved", { changed: saved })}</Alert>}
          {!grid && (
            <Field label={t("duty.grids.squad")} htmlFor="g-squad" error={action.fields.unitCode} required>
              <Select id="g-squad" value={squad} onChange={(e) => setSquad(e.target.value)}>
                {squads.map((s) => (
                  <option key={s.code} value={s.code}>
                    {s.label}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          <Field label={t("duty.grids.name")} htmlFor="g-name" error={action.fields.name} required>
            <Input
              id="g-name"
              name="name"
              defaultValue={grid?.name}
              maxLength={100}
              {...invalidProps("g-name", action.fields.name)}
            />
          </Field>
          <Field label={t("duty.grids.kind")} htmlFor="g-kind" required>
            <Select
              id="g-kind"
              name="kind"
              key={squad}
              defaultValue={grid?.kind ?? squads.find((s) => s.code === squad)?.kind ?? "urban"}
            >
              {GRID_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`duty.kinds.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          <div className="grid grid-cols-2 gap-3">
            {(["drivers", "roadKm", "difficulty", "availablePolice"] as const).map((k) => (
              <Field key={k} label={t(`duty.grids.${k}`)} htmlFor={`g-${k}`} error={action.fields[k]}>
                <Input
                  id={`g-${k}`}
                  name={k}
                  type="number"
                  step={k === "roadKm" ? "0.1" : "1"}
                  min={k === "difficulty" ? 1 : 0}
                  max={k === "difficulty" ? 5 : undefined}
                  defaultValue={grid?.[k] ?? (k === "difficulty" ? 3 : "")}
                  {...invalidProps(`g-${k}`, action.fields[k])}
                />
              </Field>
            ))}
          </div>
          <Field label={t("duty.grids.notes")} htmlFor="g-notes" error={action.fields.notes}>
            <Textarea id="g-notes" name="notes" rows={2} defaultValue={grid?.notes ?? ""} />
          </Field>
          <div aria-live="polite" data-testid="geometry-status">
            {!geometry ? (
              <Alert tone="info">{t("duty.grids.noGeometry")}</Alert>
            ) : problems.length ? (
              <Alert>{problems.map((p) => t(`duty.validation.${p}`)).join("；")}</Alert>
            ) : overlapping.length ? (
              <Alert tone="warning">{t("duty.grids.overlaps", { names: overlapping.join("、") })}</Alert>
            ) : null}
            {action.fields.geometry && <Alert>{action.fields.geometry}</Alert>}
          </div>
          {canManage && (
            <Button type="submit" disabled={action.pending || !geometry || problems.length > 0} data-testid="save-grid">
              {action.pending ? t("common.saving") : t("common.save")}
            </Button>
          )}
        </form>
        {/* Outside the form: the confirm dialog has a form of its own. */}
        {canManage && grid && (
          <div className="space-y-2">
            <ConfirmButton
              testId="archive-grid"
              message={t("duty.grids.archiveConfirm")}
              confirmLabel={t("duty.grids.archive")}
              onConfirm={() => archive.run({ id: grid.id }, () => router.push(`/beats/grids?unit=${grid.squadCode}`))}
            >
              {t("duty.grids.archive")}
            </ConfirmButton>
            <FormErrors action={archive} />
          </div>
        )}
      </div>
      <div className="space-y-2">
        {canManage && (
          <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("duty.grids.draw")}>
            {modeButton("polygon", t("duty.grids.drawPolygon"))}
            {modeButton("select", t("duty.grids.select"))}
            {grid && modeButton("linestring", t("duty.grids.drawLine"))}
            {grid && modeButton("point", t("duty.grids.drawPoint"))}
            <Button size="sm" variant="ghost" onClick={() => setClearToken((n) => n + 1)}>
              {t("duty.grids.clear")}
            </Button>
            <span className="text-xs text-slate-500">{t("duty.grids.editHint")}</span>
          </div>
        )}
        <div
          className="relative h-[480px] overflow-hidden rounded-lg border border-slate-200 bg-slate-100 lg:h-[560px]"
          data-testid="editor-map"
        >
          <EditorMap
            bounds={bounds}
            outline={outline}
            context={contextFc}
            features={featureFc}
            initial={grid?.geometry.type === "Polygon" ? grid.geometry : null}
            mode={canManage ? mode : "static"}
            clearToken={clearToken}
            onPolygon={setPolygon}
            onSketch={setSketch}
            onMode={setMode}
            labels={labels}
          />
        </div>
        {grid && features && (
          <GridFeatures
            gridId={grid.id}
            features={features}
            sketch={sketch}
            onSketchDone={() => {
              setSketch(null);
              setMode("select");
            }}
            canManage={canManage}
          />
        )}
      </div>
    </div>
  );
}
