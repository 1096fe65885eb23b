import { apiRoute } from "@/lib/api/route";
import { db } from "@/lib/db";

/**
 * GET /api/v1/window/ping — authenticates like every route, then runs SELECT 1. The
 * baseline of `npm run bench:window`: what a request costs before any domain work.
 */
export const GET = apiRoute({ permission: "window.view" }, async () => {
  await db.$queryRaw`SELECT 1`;
  return { ok: true };
});
