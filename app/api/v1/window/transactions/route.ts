import { apiRoute, parseInput, queryObject, readJson } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { readIdempotencyKey } from "@/lib/idempotency/run-idempotent";
import { createTransaction } from "@/lib/window/create-transaction";
import { listTransactions } from "@/lib/window/read-transactions";
import { createTransactionSchema, listTransactionsSchema } from "@/lib/window/schemas";
import { transactionDto } from "@/lib/window/transaction-dto";

/**
 * POST /api/v1/window/transactions — record a transaction. 201 with the record when
 * created; 200 with the first record when the Idempotency-Key or externalRef replays it.
 */
export const POST = apiRoute({ permission: "window.serve" }, async ({ actor, req }) => {
  const key = readIdempotencyKey(req.headers);
  const input = parseInput(createTransactionSchema, await readJson(req));
  const { record, created } = await createTransaction({ actor, input, idempotencyKey: key });
  return json(transactionDto(record), created ? 201 : 200);
});

/** GET /api/v1/window/transactions?from&to&business&category&channel&result&unitCode&q&cursor&limit */
export const GET = apiRoute({ permission: "window.view" }, async ({ actor, req }) => {
  const input = parseInput(listTransactionsSchema, queryObject(req));
  const page = await listTransactions({ actor, input });
  return { items: page.items.map(transactionDto), nextCursor: page.nextCursor };
});
