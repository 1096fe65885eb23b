import { apiRoute, parseInput, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { evaluateTransaction } from "@/lib/window/evaluate-transaction";
import { evaluationSchema } from "@/lib/window/schemas";
import { idOrNotFound } from "@/lib/validation";
import { dayString } from "@/lib/time";

/**
 * POST /api/v1/window/transactions/{id}/evaluation — { rating, comment? }. 201 with the
 * evaluation's id; a dissatisfied rating also returns the complaint it opened. The same
 * rating again answers 200; a different one 409.
 */
export const POST = apiRoute<{ id: string }>({ permission: "window.serve" }, async ({ actor, req, params }) => {
  const id = idOrNotFound(params.id, "transaction");
  const input = parseInput(evaluationSchema, await readJson(req));
  const { evaluation: e, created } = await evaluateTransaction({ actor, id, input });
  const complaint = e.complaint
    ? { id: e.complaint.id, dueDate: dayString(e.complaint.dueDate), ownerId: e.complaint.ownerId }
    : null;
  return json(
    {
      id: e.id,
      transactionId: e.transactionId,
      rating: e.rating,
      comment: e.comment,
      evaluatedAt: e.evaluatedAt.toISOString(),
      complaint,
    },
    created ? 201 : 200,
  );
});
