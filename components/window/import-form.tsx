"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { useT } from "@/lib/i18n/client";
import { errorsToCsv, type ImportReport } from "@/lib/import/run-import";

/** Uploads a CSV/NDJSON file to POST /api/v1/import/transactions and shows the report. */
export function ImportForm() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const type = /\.(ndjson|jsonl)$/i.test(file.name) ? "application/x-ndjson" : "text/csv";
      const res = await fetch("/api/v1/import/transactions", {
        method: "POST",
        body: file,
        headers: { "content-type": type },
      });
      const body = await res.json();
      if (!res.ok) setError(body?.error?.message ?? res.statusText);
      else setReport(body);
    } catch {
      setError(t("auth.networkError"));
    } finally {
      setBusy(false);
    }
  };
  const download = () => {
    if (!report) return;
    const url = URL.createObjectURL(new Blob([errorsToCsv(report.errors)], { type: "text/csv" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: "import-errors.csv" });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="space-y-4">
      <Card className="flex flex-wrap items-center gap-3 p-4">
        <label className="text-sm">
          <span className="mr-2">{t("window.import.file")}</span>
          <input
            type="file"
            accept=".csv,.ndjson,.jsonl,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
        </label>
        <Button onClick={start} disabled={!file || busy} data-testid="import-start">
          {busy ? t("window.import.running") : t("window.import.start")}
        </Button>
      </Card>
      {error && <Alert>{error}</Alert>}
      {report && (
        <Card className="space-y-3 p-4" data-testid="import-report">
          <div className="flex flex-wrap gap-6 text-sm">
            {(["received", "created", "duplicates", "rejected"] as const).map((k) => (
              <span key={k}>
                {t(`window.import.${k}`)} <b className="text-lg">{report[k]}</b>
              </span>
            ))}
          </div>
          {report.errors.length > 0 && (
            <>
              <div className="flex items-center justify-between">
                <h3 className="font-medium">{t("window.import.errors")}</h3>
                <Button size="sm" variant="secondary" onClick={download}>
                  {t("window.import.downloadErrors")}
                </Button>
              </div>
              <Table>
                <thead>
                  <tr>
                    <Th>{t("window.import.line")}</Th>
                    <Th>{t("window.import.field")}</Th>
                    <Th>{t("window.import.message")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {report.errors.slice(0, 200).map((e, i) => (
                    <Tr key={i}>
                      <Td>{e.line}</Td>
                      <Td className="font-mono text-xs">{e.field}</Td>
                      <Td>{e.message}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            </>
          )}
        </Card>
      )}
    </div>
  );
}
