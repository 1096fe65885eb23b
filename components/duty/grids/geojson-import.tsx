"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/states";
import { useAction } from "@/components/ui/use-action";
import { useT } from "@/lib/i18n/client";
import { translateMessage } from "@/lib/i18n/translate";
import { importGeoJsonAction } from "@/lib/duty/actions";

type Result = {
  ok: boolean;
  grids: number;
  segments: number;
  points: number;
  problems: { index: number; name: string | null; message: string; details?: Record<string, string> }[];
  written: Record<string, number> | null;
};

const sum = (w: Record<string, number>, suffix: string) =>
  Object.entries(w)
    .filter(([k]) => k.endsWith(suffix))
    .reduce((n, [, v]) => n + v, 0);

/** Upload a GeoJSON FeatureCollection: checked as a whole, imported all or nothing. */
export function GeoJsonImport({ unitCode }: { unitCode: string }) {
  const t = useT();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [parseError, setParseError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const imp = useAction(null, importGeoJsonAction);
  return (
    <form
      className="space-y-3"
      data-testid="geojson-import"
      onSubmit={async (e) => {
        e.preventDefault();
        setParseError(null);
        setResult(null);
        if (!file) return;
        let geojson: unknown;
        try {
          geojson = JSON.parse(await file.text());
        } catch {
          setParseError(t("duty.validation.featureCollection"));
          return;
        }
        imp.run({ unitCode, geojson, dryRun } as never, (d) => {
          setResult(d as Result);
          if (!dryRun) router.refresh();
        });
      }}
    >
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm hover:bg-slate-50 focus-within:ring-2 focus-within:ring-brand-200">
          {t("duty.grids.importFile")}
          <input
            type="file"
            accept=".geojson,.json,application/geo+json,application/json"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="sr-only"
            data-testid="geojson-file"
          />
        </label>
        <span className="max-w-48 truncate text-sm text-slate-600">{file?.name ?? ""}</span>
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />{" "}
          {t("duty.grids.dryRun")}
        </label>
        <Button type="submit" disabled={!file || imp.pending}>
          {t("common.import")}
        </Button>
      </div>
      {(parseError || imp.error) && <Alert>{parseError ?? imp.error}</Alert>}
      {result &&
        (result.ok ? (
          <Alert tone="success">
            {t("duty.grids.importResult", { grids: result.grids, segments: result.segments, points: result.points })}
            {result.written
              ? ` · ${t("duty.grids.importWritten", { created: sum(result.written, "Created"), updated: sum(result.written, "Updated") })}`
              : ""}
          </Alert>
        ) : (
          <Alert tone="warning">
            <p className="font-medium">{t("duty.grids.importProblems")}</p>
            <ul className="list-disc pl-5">
              {result.problems.map((p) => (
                <li key={p.index}>
                  {t("duty.grids.feature", { index: p.index + 1 })}
                  {p.name ? `「${p.name}」` : ""}：{translateMessage(t, p.message, p.details)}
                </li>
              ))}
            </ul>
          </Alert>
        ))}
    </form>
  );
}
