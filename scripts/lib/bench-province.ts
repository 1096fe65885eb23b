/**
 * A synthetic province for benchmarks: 370000 with 16 detachments × 8 brigades × 4
 * squads, filled with generated facts by SQL (generate_series) in 1M-row statements, so
 * the rollup triggers run exactly as they do for bulk imports.
 */
import type { Pool } from "pg";
import { DEMO_PASSWORD } from "@/lib/auth/deployment";
import { localDate } from "@/lib/time";

export const PROVINCE = "370000";
// The bench's administrator and commander sign in like the demo accounts: with the demo
// password, which exempts them from the second factor outside production.
export const BENCH_PASSWORD = DEMO_PASSWORD;
const CHUNK = 1_000_000;
const FROM = "2025-01-01";

async function ensureUnits(pool: Pool, passwordHash: string) {
  await pool.query(`
    INSERT INTO units (code, parent_id, path, depth, kind, name_zh, name_en, updated_at)
    VALUES ('${PROVINCE}', NULL, '/${PROVINCE}/', 1, 'PROVINCE', '山东省公安厅交通管理局（基准测试数据）', 'Shandong Traffic Management Bureau (benchmark data)', now())
    ON CONFLICT (code) DO NOTHING`);
  await pool.query(`
    WITH p AS (SELECT id, path FROM units WHERE code = '${PROVINCE}'),
    d AS (
      INSERT INTO units (code, parent_id, path, depth, kind, name_zh, name_en, updated_at)
      SELECT (3700 + c)::text, p.id, p.path || (3700 + c)::text || '/', 2, 'DETACHMENT', '基准支队' || c, 'Benchmark detachment ' || c, now()
        FROM p, generate_series(1, 16) c
      ON CONFLICT (code) DO NOTHING RETURNING id)
    SELECT count(*) FROM d`);
  await pool.query(`
    INSERT INTO units (code, parent_id, path, depth, kind, name_zh, name_en, updated_at)
    SELECT d.code || lpad(b::text, 2, '0'), d.id, d.path || d.code || lpad(b::text, 2, '0') || '/', 3, 'BRIGADE',
           d.name_zh || '第' || b || '大队', d.name_en || ' brigade ' || b, now()
      FROM units d, generate_series(1, 8) b
     WHERE d.kind = 'DETACHMENT' AND d.path LIKE '/${PROVINCE}/%'
    ON CONFLICT (code) DO NOTHING`);
  await pool.query(`
    INSERT INTO units (code, parent_id, path, depth, kind, squad_kind, name_zh, name_en, updated_at)
    SELECT b.code || '-0' || s, b.id, b.path || b.code || '-0' || s || '/', 4, 'SQUAD', CASE WHEN s = 1 THEN 'URBAN' ELSE 'RURAL' END::squad_kind,
           b.name_zh || '第' || s || '中队', b.name_en || ' squad ' || s, now()
      FROM units b, generate_series(1, 4) s
     WHERE b.kind = 'BRIGADE' AND b.path LIKE '/${PROVINCE}/%'
    ON CONFLICT (code) DO NOTHING`);
  for (const [username, role, unit] of [
    ["bench-admin", "ADMIN", PROVINCE],
    ["bench-commander", "COMMANDER", "370101"],
  ]) {
    await pool.query(
      `INSERT INTO users (username, display_name, role, unit_id, password_hash, updated_at)
       SELECT $1, $1, $2::role, id, $3, now() FROM units WHERE code = $4
       ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true`,
      [username, role, passwordHash, unit],
    );
  }
}

async function staging(pool: Pool) {
  await pool.query(`DROP TABLE IF EXISTS bench_squads; CREATE UNLOGGED TABLE bench_squads AS
    SELECT row_number() OVER (ORDER BY s.code) AS rn, s.id, s.path, b.id AS brigade_id
      FROM units s JOIN units b ON b.id = s.parent_id WHERE s.kind = 'SQUAD' AND s.path LIKE '/${PROVINCE}/%'`);
  await pool.query(`DROP TABLE IF EXISTS bench_types; CREATE UNLOGGED TABLE bench_types AS
    SELECT row_number() OVER (ORDER BY sort_order, key) AS rn, key, serious FROM violation_types WHERE active`);
  const {
    rows: [c],
  } = await pool.query(
    `SELECT (SELECT count(*) FROM bench_squads)::int AS squads, (SELECT count(*) FROM bench_types)::int AS types`,
  );
  return c as { squads: number; types: number };
}

async function count(pool: Pool, table: string) {
  const {
    rows: [r],
  } = await pool.query(`SELECT count(*)::int AS n FROM ${table} WHERE unit_path LIKE '/${PROVINCE}/%'`);
  return r.n as number;
}

export async function loadProvince(
  pool: Pool,
  targets: { violations: number; accidents: number; transactions: number },
  log: (l: string) => void,
  passwordHash: string,
) {
  const t0 = Date.now();
  await ensureUnits(pool, passwordHash);
  if ((await pool.query(`SELECT count(*)::int AS n FROM violation_types`)).rows[0].n === 0) {
    await pool.query(`INSERT INTO violation_types (key, name_zh, name_en, serious, updated_at)
      SELECT k, k, k, k IN ('drunk_driving', 'speeding_over_50'), now() FROM unnest(array['illegal_parking','speeding_under_20','no_helmet','no_seat_belt','speeding_20_50','red_light','drink_driving','drunk_driving','speeding_over_50','other']) k`);
  }
  const { squads, types } = await staging(pool);
  const span = `(now() - timestamptz '${FROM} 00:00+08')`;

  for (let have = await count(pool, "violations"); have < targets.violations; have = await count(pool, "violations")) {
    const n = Math.min(CHUNK, targets.violations - have);
    const t = Date.now();
    await pool.query(`
      INSERT INTO violations (unit_id, unit_path, brigade_id, occurred_at, lat, lng, type_key, serious, source, fine_yuan, points,
                              licence_seized, detention_days, status, updated_at)
      SELECT s.id, s.path, s.brigade_id, timestamptz '${FROM} 00:00+08' + random() * ${span},
             36 + random() * 2, 117 + random() * 3, t.key, t.serious,
             (array['onsite','camera','video_patrol','citizen_report'])[1 + floor(random() * 4)::int],
             (array[50, 100, 200])[1 + floor(random() * 3)::int], floor(random() * 4)::int,
             random() < 0.003, CASE WHEN random() < 0.002 THEN 10 ELSE 0 END, 'closed', now()
        FROM (SELECT 1 + ((g::bigint * 7919 + floor(random() * ${squads})::bigint) % ${squads})::int AS srn,
                     1 + floor(${types} * power(random(), 2))::int AS trn
                FROM generate_series(1, ${n}) g) x  -- random() once per row, then equi-joins
        JOIN bench_squads s ON s.rn = x.srn
        JOIN bench_types t ON t.rn = x.trn`);
    log(`violations: +${n.toLocaleString()} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  for (let have = await count(pool, "accidents"); have < targets.accidents; have = await count(pool, "accidents")) {
    const n = Math.min(CHUNK, targets.accidents - have);
    const t = Date.now();
    await pool.query(`
      INSERT INTO accidents (unit_id, unit_path, brigade_id, occurred_at, lat, lng, deaths, injured, severity, major, property_loss_yuan,
                             handling, hit_and_run, hit_and_run_solved, rescue_fund_yuan, status, updated_at)
      SELECT id, path, brigade_id, at, lat, lng, deaths, injured,
             CASE WHEN deaths > 0 THEN 'fatal' WHEN injured > 0 THEN 'injury' ELSE 'property' END, deaths >= 3,
             loss, handling, hr, hr AND random() < 0.8, 0, 'closed', now()
        FROM (SELECT s.id, s.path, s.brigade_id, timestamptz '${FROM} 00:00+08' + random() * ${span} AS at,
                     36 + random() * 2 AS lat, 117 + random() * 3 AS lng,
                     CASE WHEN random() < 0.012 THEN 1 + floor(random() * 2.2)::int ELSE 0 END AS deaths,
                     CASE WHEN random() < 0.06 THEN 1 + floor(random() * 3)::int ELSE 0 END AS injured,
                     (floor(random() * 100) * 100)::int AS loss,
                     (array['onsite','quick','remote_video'])[1 + floor(random() * 3)::int] AS handling, random() < 0.02 AS hr
                FROM (SELECT 1 + ((g::bigint * 7919 + floor(random() * ${squads})::bigint) % ${squads})::int AS srn
                        FROM generate_series(1, ${n}) g) r
                JOIN bench_squads s ON s.rn = r.srn) x`);
    log(`accidents: +${n.toLocaleString()} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  const { rows: businesses } = await pool.query(
    `SELECT key, category_key FROM window_businesses WHERE active ORDER BY sort_order, key`,
  );
  if (targets.transactions > 0 && businesses.length === 0)
    throw new Error("window_businesses is empty: run the base seed first");
  await pool.query(`DROP TABLE IF EXISTS bench_businesses; CREATE UNLOGGED TABLE bench_businesses AS
    SELECT row_number() OVER (ORDER BY sort_order, key) AS rn, key, category_key FROM window_businesses WHERE active`);
  for (
    let have = await count(pool, "window_transactions");
    have < targets.transactions;
    have = await count(pool, "window_transactions")
  ) {
    const n = Math.min(CHUNK, targets.transactions - have);
    const t = Date.now();
    // Counters at police stations and online (no hall, trip or service point needed);
    // office hours 08:30–17:30 local, a few minutes to an hour each.
    await pool.query(`
      INSERT INTO window_transactions (unit_id, unit_path, brigade_id, business_key, category_key, channel, applicant_name,
                                       applicant_id_number, fee_yuan, payment, started_at, completed_at, result,
                                       missing_documents, follow_up_due, difficult, updated_at)
      SELECT id, path, brigade_id, key, category_key, channel, '基准申请人', '110101199003070000', fee,
             CASE WHEN fee > 0 THEN 'epay' ELSE 'none' END, at, at + (3 + random() * 50) * interval '1 minute', result,
             CASE WHEN result = 'returned' THEN '身份证明' END, CASE WHEN result = 'returned' THEN (at + interval '7 days')::date END,
             random() < 0.002, now()
        FROM (SELECT s.id, s.path, s.brigade_id, b.key, b.category_key,
                     CASE WHEN random() < 0.8 THEN 'police_station' ELSE 'online' END AS channel,
                     (array[0, 0, 10, 20])[1 + floor(random() * 4)::int] AS fee,
                     date_trunc('day', timestamptz '${FROM} 00:00+08' + random() * ${span}) + interval '30 minutes' + random() * interval '9 hours' AS at,
                     CASE WHEN random() < 0.97 THEN 'done' WHEN random() < 0.8 THEN 'returned' ELSE 'refused' END AS result
                FROM (SELECT 1 + ((g::bigint * 7919 + floor(random() * ${squads})::bigint) % ${squads})::int AS srn,
                             1 + floor(random() * ${businesses.length})::int AS brn
                        FROM generate_series(1, ${n}) g) r
                JOIN bench_squads s ON s.rn = r.srn
                JOIN bench_businesses b ON b.rn = r.brn) x`);
    log(`window transactions: +${n.toLocaleString()} (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  }
  const t = Date.now();
  const {
    rows: [{ merged }],
  } = await pool.query(`SELECT compact_rollups(local_day(now()) - 1) AS merged`);
  log(`rollup shards compacted: ${merged} rows (${((Date.now() - t) / 1000).toFixed(0)} s)`);
  await pool.query(`ANALYZE`);
  return { seconds: (Date.now() - t0) / 1000, brigadeCode: "370101" };
}

/**
 * The dashboard's figures computed the plain way: GROUP BY over the raw fact tables for
 * the unit's subtree (year to date, the same days last year, the previous period, the
 * monthly series of both years, the hour × weekday heat map and the sub-units).
 */
export async function rawDashboard(pool: Pool, unitPath: string) {
  const today = localDate(new Date());
  const y = Number(today.slice(0, 4));
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${y}-01-01T00:00:00Z`)) / 86400_000) + 1;
  const range = (from: string, toExcl: string) => [unitPath + "%", `${from} 00:00+08`, `${toExcl} 00:00+08`];
  const next = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
  const lyTo = `${y - 1}${today.slice(4)}`;
  const ppFrom = new Date(Date.parse(`${y}-01-01T00:00:00Z`) - days * 86400_000).toISOString().slice(0, 10);
  const periods = [range(`${y}-01-01`, next(today)), range(`${y - 1}-01-01`, next(lyTo)), range(ppFrom, `${y}-01-01`)];
  const q = (sql: string, params: unknown[]) => pool.query(sql, params);
  await Promise.all([
    ...periods.flatMap((p) => [
      q(
        `SELECT type_key, count(*), sum(serious::int), sum((detention_days > 0)::int), sum(licence_seized::int)
           FROM violations WHERE unit_path LIKE $1 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY type_key`,
        p,
      ),
      q(
        `SELECT count(*), sum((severity = 'fatal')::int), sum(deaths), sum((severity = 'injury')::int), sum(injured), sum(major::int)
           FROM accidents WHERE unit_path LIKE $1 AND occurred_at >= $2 AND occurred_at < $3`,
        p,
      ),
    ]),
    q(
      `SELECT date_trunc('month', occurred_at AT TIME ZONE 'Asia/Shanghai'), count(*) FROM violations
        WHERE unit_path LIKE $1 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY 1`,
      range(`${y - 1}-01-01`, `${y + 1}-01-01`),
    ),
    q(
      `SELECT date_trunc('month', occurred_at AT TIME ZONE 'Asia/Shanghai'), count(*), sum(deaths) FROM accidents
        WHERE unit_path LIKE $1 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY 1`,
      range(`${y - 1}-01-01`, `${y + 1}-01-01`),
    ),
    q(
      `SELECT extract(dow FROM occurred_at AT TIME ZONE 'Asia/Shanghai'), extract(hour FROM occurred_at AT TIME ZONE 'Asia/Shanghai'), count(*)
         FROM accidents WHERE unit_path LIKE $1 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY 1, 2`,
      periods[0],
    ),
    q(
      `SELECT split_part(substr(unit_path, length($1)), '/', 1), count(*), sum(serious::int) FROM violations
        WHERE unit_path LIKE $1 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY 1`,
      periods[0],
    ),
    q(
      `SELECT split_part(substr(unit_path, length($1)), '/', 1), count(*), sum(deaths), sum(injured) FROM accidents
        WHERE unit_path LIKE $1 AND occurred_at >= $2 AND occurred_at < $3 GROUP BY 1`,
      periods[0],
    ),
    ...periods.map((p) =>
      q(
        `SELECT category_key, channel, sum((result = 'done')::int), sum((result = 'returned')::int), sum((result = 'refused')::int),
                sum(extract(epoch FROM completed_at - started_at)), sum(difficult::int)
           FROM window_transactions WHERE unit_path LIKE $1 AND completed_at >= $2 AND completed_at < $3 GROUP BY 1, 2`,
        p,
      ),
    ),
  ]);
}
