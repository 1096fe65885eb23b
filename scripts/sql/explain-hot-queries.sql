-- The hot queries of docs/performance.md#indexes, with EXPLAIN (ANALYZE, BUFFERS), on the demo data:
--   npm run db:seed, then: psql "$DATABASE_URL" -f scripts/sql/explain-hot-queries.sql
-- The ids are looked up first (the demo's ids are generated at seed time).
SELECT path || '%' AS zy, id AS zyb FROM units WHERE code = '522625' \gset
SELECT clerk_id AS clerk FROM window_transactions GROUP BY clerk_id ORDER BY count(*) DESC LIMIT 1 \gset
SELECT grid_id AS grid FROM violations WHERE grid_id IS NOT NULL GROUP BY grid_id ORDER BY count(*) DESC LIMIT 1 \gset
SELECT beat_id AS beat FROM violations WHERE beat_id IS NOT NULL GROUP BY beat_id ORDER BY count(*) DESC LIMIT 1 \gset
SELECT plate FROM violations WHERE plate IS NOT NULL ORDER BY id LIMIT 1 \gset
\qecho == Q1 violation list (newest, brigade scope, first page)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, occurred_at FROM violations WHERE unit_path LIKE :'zy' ORDER BY occurred_at DESC, id DESC LIMIT 51;
\qecho == Q1b the same as the list sends it since the index review (factScope: the brigade too)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, occurred_at FROM violations WHERE unit_path LIKE :'zy' AND brigade_id = :'zyb' ORDER BY occurred_at DESC, id DESC LIMIT 51;
\qecho == Q2 violation list, period filter + count
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM violations WHERE unit_path LIKE :'zy' AND occurred_at >= '2019-03-01+08' AND occurred_at < '2019-04-01+08';
\qecho == Q3 violation list by grid
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM violations WHERE unit_path LIKE :'zy' AND grid_id = :'grid' ORDER BY occurred_at DESC, id DESC LIMIT 51;
\qecho == Q4 violation list by beat (record chain)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM violations WHERE unit_path LIKE :'zy' AND beat_id = :'beat' ORDER BY occurred_at DESC, id DESC LIMIT 51;
\qecho == Q5 violation list by incident
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM violations WHERE unit_path LIKE :'zy' AND incident_id = '01a23fe4-0000-7000-8000-000000000000' ORDER BY occurred_at DESC, id DESC LIMIT 51;
\qecho == Q6 violation list by recorder (field: my records)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM violations WHERE unit_path LIKE :'zy' AND recorded_by_id = :'clerk' ORDER BY occurred_at DESC, id DESC LIMIT 51;
\qecho == Q7 violation by whole plate
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM violations WHERE unit_path LIKE :'zy' AND plate = :'plate' ORDER BY occurred_at DESC, id DESC LIMIT 51;
\qecho == Q8 grid risk (brigade, 90 days, bbox)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT lat, lng, serious FROM violations WHERE brigade_id = :'zyb' AND occurred_at >= now() - interval '90 days' AND occurred_at <= now() AND lat BETWEEN 26 AND 28 AND lng BETWEEN 107 AND 109;
\qecho == Q9 grid reassignment chunk
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, lat, lng, grid_id FROM violations WHERE brigade_id = :'zyb' AND id > '00000000-0000-0000-0000-000000000000' AND (true OR grid_id = ANY('{}'::uuid[])) ORDER BY id LIMIT 20000;
\qecho == Q10 hotspots (brigade, period)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT lat, lng FROM violations WHERE unit_path LIKE :'zy' AND occurred_at >= now() - interval '30 days';
\qecho == Q11 grid chain view (per month)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM violations v WHERE v.grid_id = :'grid' AND v.occurred_at >= now() - interval '30 days' AND v.occurred_at < now() AND v.unit_path LIKE :'zy';
\qecho == Q12 accident list
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM accidents WHERE unit_path LIKE :'zy' ORDER BY occurred_at DESC, id DESC LIMIT 51;
\qecho == Q12b accident list with the brigade (factScope)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM accidents WHERE unit_path LIKE :'zy' AND brigade_id = :'zyb' ORDER BY occurred_at DESC, id DESC LIMIT 51;
\qecho == Q13 window clerk day totals
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT business_key, count(*), sum(fee_yuan) FROM window_transactions WHERE clerk_id = :'clerk' AND completed_at >= '2019-05-06+08' AND completed_at < '2019-05-07+08' GROUP BY business_key;
\qecho == Q14 window transaction list with search q (id number / plate / name)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM window_transactions WHERE unit_path LIKE :'zy' AND (applicant_id_number = '522625199001011234' OR plate LIKE '%贵H9%' OR applicant_name LIKE '张%') ORDER BY completed_at DESC, id DESC LIMIT 51;
\qecho == Q15 window recent applicants
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM window_transactions WHERE unit_path LIKE :'zy' AND completed_at >= now() - interval '90 days' AND (applicant_name LIKE '张%' OR plate LIKE '%9%' OR applicant_id_number LIKE '%1234') ORDER BY completed_at DESC LIMIT 20;
\qecho == Q16 window supervision (month)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT clerk_id, count(*) FROM window_transactions WHERE unit_path LIKE :'zy' AND completed_at >= date_trunc('month', now()) AND clerk_id IS NOT NULL GROUP BY clerk_id;
\qecho == Q17 incidents open list
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM incidents WHERE unit_path LIKE :'zy' AND status NOT IN ('closed','cancelled') ORDER BY received_at DESC LIMIT 50;
\qecho == Q18 incidents list
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM incidents WHERE unit_path LIKE :'zy' ORDER BY received_at DESC, id DESC LIMIT 51;
\qecho == Q19 duty map last positions
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM last_positions WHERE unit_path LIKE :'zy';
\qecho == Q20 duty map beats now
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id FROM beats WHERE unit_path LIKE :'zy' AND starts_at < now() + interval '1 day' AND ends_at > now() AND cancelled_at IS NULL;
\qecho == Q21 dashboard rollups (year)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT sum(total) FROM violation_daily WHERE unit_id = :'zyb' AND day >= '2019-01-01' AND day < '2020-01-01';
\qecho == Q22 track of an officer (positions)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM positions WHERE user_id = :'clerk' AND occurred_at >= now() - interval '8 hours' ORDER BY occurred_at;
