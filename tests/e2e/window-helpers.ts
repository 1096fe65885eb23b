/** Helpers for the window specs (kept out of the shared fixtures file). */
import type { Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { appOrigin } from "./fixtures";

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid GB 11643 number from its first 17 digits. */
export function idNumber(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * W[i];
  return first17 + "10X98765432"[s % 11];
}

/** A hall of its own for one test (in a Zhenyuan squad), open every day all day, with `windows` windows. */
export async function makeHall(sql: pg.Client, opts: { unitCode?: string; windows?: number } = {}) {
  const code = `E2E-${randomBytes(3).toString("hex")}`;
  const unitCode = opts.unitCode ?? "522625-01";
  const { rows } = await sql.query(
    `INSERT INTO window_halls (code, unit_id, unit_path, brigade_id, name_zh, name_en, updated_at)
     SELECT $1, u.id, u.path, b.id, $2, $3, now() FROM units u JOIN units b ON b.path = substring(u.path from '^(/[^/]+/[^/]+/[^/]+/)')
      WHERE u.code = $4 RETURNING id`,
    [code, `测试大厅 ${code}`, `Test hall ${code}`, unitCode],
  );
  const hallId = rows[0].id as string;
  for (let n = 1; n <= (opts.windows ?? 2); n++)
    await sql.query(`INSERT INTO window_counters (hall_id, number, label) VALUES ($1, $2, $3)`, [
      hallId,
      n,
      `${n}号窗口`,
    ]);
  for (let d = 1; d <= 7; d++)
    await sql.query(
      `INSERT INTO window_hall_hours (hall_id, weekday, opens_min, closes_min) VALUES ($1, $2, 0, 1440)`,
      [hallId, d],
    );
  return { hallId, code, unitCode };
}

/** POST JSON through the page's session (same-origin, as a browser would). */
export async function postJson(page: Page, url: string, data: unknown, headers: Record<string, string> = {}) {
  const origin = appOrigin();
  return page.request.post(url, { data, headers: { origin, ...headers } });
}
