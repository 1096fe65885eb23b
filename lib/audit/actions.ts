"use server";
/**
 * A printed page (PDF) is an export too: the print button audits it, with the page's
 * filter, before the browser's print dialog opens (components/duty/print-button.tsx).
 */
import { assertCan } from "@/lib/auth/actor";
import { safeAction } from "@/lib/actions/safe-action";
import { auditExport } from "./export-audit";
import { PRINT_PERMISSION, printSchema } from "./schemas";

export const auditPrintAction = safeAction({ schema: printSchema }, async ({ actor, input }) => {
  assertCan(actor, PRINT_PERMISSION[input.what]);
  await auditExport({
    actor,
    input: { action: `${input.what}.print`, entity: input.what, format: "pdf", filter: input.filter },
  });
  return { ok: true };
});
