"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { revealIdAction } from "@/lib/violations/actions";
import { useT } from "@/lib/i18n/client";

/**
 * A masked ID-card or licence number of a violation, and for those allowed a button that
 * shows it in full (each reveal is audited).
 */
export function RevealId({
  id,
  masked,
  allowed,
  field = "idNumber",
}: {
  id: string;
  masked: string;
  allowed: boolean;
  field?: "idNumber" | "licenceNumber";
}) {
  const t = useT();
  const [full, setFull] = useState<string | null>(null);
  const { run, pending, error } = useAction(null, revealIdAction);
  if (full) {
    return (
      <span>
        <span className="font-mono" data-testid={field === "idNumber" ? "id-full" : "licence-full"}>
          {full}
        </span>
        <span className="ml-2 text-xs text-amber-700">{t("records.revealed")}</span>
      </span>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid={field === "idNumber" ? "id-masked" : "licence-masked"}>
        {masked}
      </span>
      {allowed && (
        <Button
          variant="ghost"
          size="sm"
          disabled={pending}
          onClick={() => run({ id }, (d) => setFull(d[field]))}
          data-testid={field === "idNumber" ? "reveal-id" : "reveal-licence"}
        >
          {t("records.revealId")}
        </Button>
      )}
      {error && <span className="text-xs text-red-600">{error}</span>}
    </span>
  );
}
