import { apiRoute, parseInput, queryObject } from "@/lib/api/route";
import { listAppeals } from "@/lib/violations/appeals";
import { isOverdue } from "@/lib/violations/rules";
import { listAppealsSchema } from "@/lib/violations/schemas";

/** GET /api/v1/appeals?status&unit&cursor&limit — pending appeals by due date (overdue first), or decided ones. */
export const GET = apiRoute({ permission: ["appeal.decide", "violation.view"] }, async ({ req, actor }) => {
  const page = await listAppeals({ actor, input: parseInput(listAppealsSchema, queryObject(req)) });
  return {
    items: page.items.map(({ unitPath: _p, brigadeId: _b, ...a }) => ({ ...a, overdue: isOverdue(a) })),
    nextCursor: page.nextCursor,
  };
});
