"use client";
import { useState } from "react";
import { clsx } from "clsx";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { useAction } from "@/components/ui/use-action";
import { FormErrors } from "@/components/ui/form-errors";
import { useI18n } from "@/lib/i18n/client";
import { formatDateTime } from "@/lib/i18n/format";
import { issueTicketAction } from "@/lib/window/actions";
import type { BusinessOption } from "./types";

interface Issued {
  id: string;
  number: string;
  issuedAt: Date;
  hallCode: string;
  businessKey: string;
  ahead: number;
}

/** Big buttons per business, grouped by ticket letter; the issued ticket prints on its own. */
export function TicketIssuer({
  halls,
  businesses,
}: {
  halls: { code: string; name: string }[];
  businesses: BusinessOption[];
}) {
  const { t, locale } = useI18n();
  const [hall, setHall] = useState(halls[0].code);
  const [appointment, setAppointment] = useState(false);
  const [urgent, setUrgent] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const { run, pending, error } = useAction(null, issueTicketAction);
  const letters = [...new Set(businesses.map((b) => b.letter))].sort();
  const hallName = halls.find((h) => h.code === hall)?.name ?? hall;
  const issue = (key: string) =>
    run({ category: key, hall, appointment, urgent }, (d) => {
      setIssued(d as Issued);
      setAppointment(false);
      setUrgent(false);
    });

  return (
    <div className="space-y-4">
      <div className="no-print">
        <PageHeader title={t("window.tickets.title")} subtitle={t("window.tickets.hint")} />
        <div className="flex flex-wrap items-center gap-4">
          {halls.length > 1 && (
            <Select
              className="w-64"
              value={hall}
              onChange={(e) => setHall(e.target.value)}
              aria-label={t("window.tickets.hall")}
            >
              {halls.map((h) => (
                <option key={h.code} value={h.code}>
                  {h.name}
                </option>
              ))}
            </Select>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={appointment} onChange={(e) => setAppointment(e.target.checked)} />{" "}
            {t("window.tickets.appointment")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />{" "}
            {t("window.tickets.urgent")}
          </label>
        </div>
      </div>
      <FormErrors action={{ error }} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-[1fr_18rem]">
        <div className="no-print space-y-4">
          {letters.map((l) => (
            <section key={l}>
              <h2 className="mb-2 text-sm font-semibold text-slate-600">{l}</h2>
              <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3">
                {businesses
                  .filter((b) => b.letter === l)
                  .map((b) => (
                    <button
                      key={b.key}
                      type="button"
                      disabled={pending}
                      onClick={() => issue(b.key)}
                      data-business={b.key}
                      className="flex min-h-14 items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 text-left text-sm shadow-sm hover:border-brand-400 hover:bg-brand-50 disabled:opacity-50"
                    >
                      <span className="flex h-8 w-8 shrink-0 items-center justify-center rounded bg-brand-600 font-bold text-white">
                        {b.letter}
                      </span>
                      <span>{b.name}</span>
                    </button>
                  ))}
              </div>
            </section>
          ))}
        </div>
        <div>
          {issued && (
            <Card className="print-ticket space-y-2 p-5 text-center" data-testid="issued-ticket">
              <p className="text-sm text-slate-600">{hallName}</p>
              <p className={clsx("font-mono text-6xl font-bold text-brand-700")} data-testid="issued-number">
                {issued.number}
              </p>
              <p className="font-medium">{businesses.find((b) => b.key === issued.businessKey)?.name}</p>
              <p className="text-sm text-slate-600">{t("window.tickets.waitingAhead", { count: issued.ahead })}</p>
              <p className="text-xs text-slate-500">{formatDateTime(issued.issuedAt, locale)}</p>
              <Button className="no-print" variant="secondary" onClick={() => window.print()}>
                {t("window.tickets.print")}
              </Button>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
