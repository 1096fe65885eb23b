"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { errorsToCsv, type ImportReport } from "@/lib/import/run-import";
import { useT } from "@/lib/i18n/client";

/**
 * Uploads a CSV or NDJSON file to POST /api/v1/import/{kind}. The server reads the body as
 * it arrives and writes batches as it goes, so the upload bar tracks the import itself.
 * The answer lists every rejected row; the list downloads as a CSV to fix and re-import
 * (rows already imported are recognised and skipped).
 */
export function ImportPanel({ kind }: { kind: "violations" | "accidents" }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [pct, setPct] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const start = () => {
    const file = input.current?.files?.[0];
    if (!file) return setFailure(t("validation.required"));
    setBusy(true);
    setReport(null);
    setFailure(null);
    setPct(0);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/import/${kind}`);
    xhr.setRequestHeader("content-type", /\.(nd)?jsonl?$/i.test(file.name) ? "application/x-ndjson" : "text/csv");
    xhr.upload.onprogress = (e) => e.lengthComputable && setPct(Math.floor((e.loaded / e.total) * 100));
    xhr.onload = () => {
      setBusy(false);
      try {
        const body = JSON.parse(xhr.responseText);
        if (xhr.status === 200) {
          setPct(100);
          setReport(body);
        } else setFailure(t("records.importFailed", { message: body?.error?.message ?? xhr.status }));
      } catch {
        setFailure(t("records.importFailed", { message: xhr.status }));
      }
    };
    xhr.onerror = () => {
      setBusy(false);
      setFailure(t("auth.networkError"));
    };
    xhr.send(file);
  };

  const download = () => {
    if (!report) return;
    const blob = new Blob(["\uFEFF" + errorsToCsv(report.errors)], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${kind}-import-errors.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  return (
    <div className="space-y-4">
      <Card>
        <CardBody className="space-y-4">
          <p className="text-sm text-slate-600">{t("records.importHelp")}</p>
          <p className="break-words font-mono text-xs text-slate-500">{t("records.importFormatHelp")}</p>
          {kind === "accidents" && (
            <p className="break-words font-mono text-xs text-slate-500">{t("records.importAccidentHelp")}</p>
          )}
          <Field label={t("records.importFile")} htmlFor="import-file">
            <input
              id="import-file"
              ref={input}
              type="file"
              accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
              className="block w-full text-sm"
              data-testid="import-file"
            />
          </Field>
          <Button onClick={start} disabled={busy} data-testid="import-start">
            {busy ? t("records.importing") : t("records.importStart")}
          </Button>
          {pct !== null && (
            <div aria-live="polite">
              <div
                className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
                role="progressbar"
                aria-valuenow={pct}
                aria-valuemin={0}
                aria-valuemax={100}
                data-testid="import-progress"
              >
                <div className="h-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
              </div>
              <p className="mt-1 text-xs text-slate-500">
                {busy ? t("records.uploadProgress", { pct }) : report ? t("records.importDone") : ""}
              </p>
            </div>
          )}
          {failure && <Alert>{failure}</Alert>}
        </CardBody>
      </Card>
      {report && (
        <Card data-testid="import-report">
          <CardHeader
            title={t("records.importDone")}
            action={
              report.errors.length > 0 ? (
                <Button variant="secondary" onClick={download} data-testid="download-errors">
                  {t("records.downloadErrors")}
                </Button>
              ) : undefined
            }
          />
          <CardBody className="space-y-4">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {(
                [
                  ["importReceived", report.received],
                  ["importCreated", report.created],
                  ["importDuplicates", report.duplicates],
                  ["importRejected", report.rejected],
                ] as const
              ).map(([k, v]) => (
                <div key={k} className="rounded-md bg-slate-50 p-3">
                  <dt className="text-xs text-slate-500">{t(`records.${k}`)}</dt>
                  <dd
                    className={`text-2xl font-semibold tabular-nums ${k === "importRejected" && v > 0 ? "text-red-700" : "text-slate-900"}`}
                    data-testid={`report-${k}`}
                  >
                    {v}
                  </dd>
                </div>
              ))}
            </dl>
            {report.errors.length > 0 && (
              <>
                <h3 className="text-sm font-semibold">{t("records.importErrors")}</h3>
                {report.errorsTruncated && (
                  <p className="text-xs text-slate-500">
                    {t("records.errorsTruncated", { count: report.errors.length })}
                  </p>
                )}
                <Table data-testid="import-errors">
                  <thead>
                    <tr>
                      <Th>{t("records.importLine")}</Th>
                      <Th>{t("records.importField")}</Th>
                      <Th>{t("records.importMessage")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.errors.slice(0, 200).map((e, i) => (
                      <Tr key={i}>
                        <Td className="tabular-nums">{e.line}</Td>
                        <Td className="font-mono text-xs">{e.field || "—"}</Td>
                        <Td>{e.message}</Td>
                      </Tr>
                    ))}
                  </tbody>
                </Table>
              </>
            )}
          </CardBody>
        </Card>
      )}
    </div>
  );
}
