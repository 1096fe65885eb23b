import { apiRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { getTransaction } from "@/lib/window/read-transactions";
import { transactionDto } from "@/lib/window/transaction-dto";
import { idOrNotFound } from "@/lib/validation";

/** GET /api/v1/window/transactions/{id} — one transaction (ID number masked); 404 outside scope. */
export const GET = apiRoute<{ id: string }>({ permission: "window.view" }, async ({ actor, params }) => {
  const t = await getTransaction({ actor, id: idOrNotFound(params.id, "transaction") });
  if (!t) throw new AppError("NOT_FOUND", "transaction not found");
  return {
    ...transactionDto(t),
    unitCode: t.unit?.code ?? null,
    complaint: t.complaint ? { id: t.complaint.id, status: t.complaint.status } : null,
  };
});
