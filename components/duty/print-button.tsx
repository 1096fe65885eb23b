"use client";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { auditPrintAction } from "@/lib/audit/actions";
import type { PrintInput } from "@/lib/audit/schemas";

/** Prints the page; a print is an export, so it is audited (with the page's filter) first. */
export function PrintButton({ label, audit, size }: { label: string; audit: PrintInput; size?: "sm" }) {
  const { run, pending, error } = useAction(null, auditPrintAction);
  return (
    <>
      <Button
        onClick={() => run(audit, () => window.print())}
        disabled={pending}
        size={size}
        className="no-print"
        data-testid="print-now"
      >
        {label}
      </Button>
      {error && <span className="no-print text-sm text-red-600">{error}</span>}
    </>
  );
}
