"use client";
import Link from "next/link";
import { useT } from "@/lib/i18n/client";
import type { IncidentPrefill } from "@/lib/incidents/prefill";

/** A record made for an incident says so, and carries the link back (incidentId) when saved. */
export function FromIncident({ prefill }: { prefill?: IncidentPrefill }) {
  const t = useT();
  if (!prefill) return null;
  return (
    <p
      className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800"
      data-testid="from-incident"
    >
      <input type="hidden" name="incidentId" value={prefill.incidentId} />
      {t("incidents.fromIncident")}：
      <Link href={`/incidents/${prefill.incidentId}`} className="font-medium underline">
        {t(`incidents.kinds.${prefill.kind}`)}
      </Link>
    </p>
  );
}
