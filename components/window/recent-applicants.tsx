"use client";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { clsx } from "clsx";
import { inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { useGet } from "@/components/ui/use-get";
import { useT } from "@/lib/i18n/client";
import { useApplicantAction } from "@/lib/window/actions";
import type { Prefill } from "./types";

interface Row {
  transactionId: string;
  applicantName: string;
  applicantIdMasked: string;
  plate: string | null;
  businessKey: string;
  completedAt: string;
}

/** Recent applicants (90 days), searchable; "use" fills the form (an audited reveal). */
export const RecentApplicants = forwardRef<
  { focus(): void },
  { onPick: (p: Prefill) => void; refreshKey: number; canUse: boolean }
>(function RecentApplicants({ onPick, refreshKey, canUse }, ref) {
  const t = useT();
  const [q, setQ] = useState("");
  const [rows, setRows] = useState<Row[]>([]);
  const search = useGet<{ items: Row[] }>();
  const pick = useAction(null, useApplicantAction);
  const inputRef = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => inputRef.current?.focus() }));

  useEffect(() => {
    const h = setTimeout(
      () => void search(`/api/v1/window/recent-applicants?${new URLSearchParams({ q })}`, (d) => setRows(d.items)),
      250,
    );
    return () => clearTimeout(h);
  }, [q, refreshKey, search]);

  return (
    <div className="space-y-2">
      <input
        ref={inputRef}
        type="search"
        aria-label={t("window.serve.recent")}
        placeholder={t("window.serve.recentSearch")}
        className={clsx(inputClass, "w-full")}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        data-testid="recent-search"
      />
      {pick.error && <p className="text-sm text-red-600">{pick.error}</p>}
      <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto text-sm" data-testid="recent-list">
        {rows.length === 0 && <li className="py-2 text-slate-500">{t("window.serve.recentNone")}</li>}
        {rows.map((r) => (
          <li key={r.transactionId} className="flex items-center justify-between gap-2 py-1.5">
            <span className="min-w-0">
              <span className="font-medium">{r.applicantName}</span>
              <span className="ml-2 font-mono text-xs text-slate-500">{r.applicantIdMasked}</span>
              {r.plate && <span className="ml-2 font-mono text-xs text-slate-600">{r.plate}</span>}
            </span>
            {canUse && (
              <button
                type="button"
                className="shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50"
                disabled={pick.pending}
                onClick={() =>
                  pick.run({ id: r.transactionId }, (d) => onPick({ ...(d as Omit<Prefill, "at">), at: Date.now() }))
                }
              >
                {t("window.serve.useApplicant")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
});
