-- Daily rollups of violations and accidents (prisma/schema/stats.prisma).
-- Violations revoked on appeal (status 'revoked') are annulled and not counted.
--
-- For each fact row, the rollup gets +1 on the row of its own unit AND of every unit
-- above it (matched by the unit codes in unit_path), for the local day (Asia/Shanghai).
-- Statement-level triggers with transition tables do it once per statement, so a bulk
-- INSERT … SELECT of 100,000 rows costs one aggregate, not 100,000 upserts. Updates
-- only count rows whose rollup-relevant columns changed (moving a unit rewrites
-- unit_path, and the rollups follow). Upserts go in (unit, day, shard) order so
-- concurrent writers cannot deadlock; above brigade level the day is split into 8
-- shards by brigade so different brigades never wait on one hot province row.

CREATE TABLE "violation_daily" (
    "unit_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "shard" SMALLINT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "serious" INTEGER NOT NULL DEFAULT 0,
    "detentions" INTEGER NOT NULL DEFAULT 0,
    "detention_days" INTEGER NOT NULL DEFAULT 0,
    "licences_seized" INTEGER NOT NULL DEFAULT 0,
    "fines_yuan" BIGINT NOT NULL DEFAULT 0,
    "points" INTEGER NOT NULL DEFAULT 0,
    "by_type" JSONB NOT NULL DEFAULT '{}',
    "by_source" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "violation_daily_pkey" PRIMARY KEY ("unit_id", "day", "shard")
);

CREATE TABLE "accident_daily" (
    "unit_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "shard" SMALLINT NOT NULL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "fatal" INTEGER NOT NULL DEFAULT 0,
    "deaths" INTEGER NOT NULL DEFAULT 0,
    "injury" INTEGER NOT NULL DEFAULT 0,
    "injured" INTEGER NOT NULL DEFAULT 0,
    "major" INTEGER NOT NULL DEFAULT 0,
    "property_loss_yuan" BIGINT NOT NULL DEFAULT 0,
    "hit_and_run" INTEGER NOT NULL DEFAULT 0,
    "hit_and_run_solved" INTEGER NOT NULL DEFAULT 0,
    "quick_handled" INTEGER NOT NULL DEFAULT 0,
    "remote_handled" INTEGER NOT NULL DEFAULT 0,
    "rescue_fund_cases" INTEGER NOT NULL DEFAULT 0,
    "rescue_fund_yuan" BIGINT NOT NULL DEFAULT 0,
    "by_hour" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "accident_daily_pkey" PRIMARY KEY ("unit_id", "day", "shard")
);

-- The local calendar day of an instant.
CREATE FUNCTION local_day(ts timestamptz) RETURNS date AS $$
  SELECT (ts AT TIME ZONE 'Asia/Shanghai')::date
$$ LANGUAGE sql STABLE;

-- {a: 1, b: 2} + {a: 3, c: 1} = {a: 4, b: 2, c: 1}; keys that reach 0 disappear.
CREATE FUNCTION jsonb_add(a jsonb, b jsonb) RETURNS jsonb AS $$
  SELECT coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
    FROM (SELECT k, sum(v) AS v
            FROM (SELECT key AS k, value::bigint AS v FROM jsonb_each_text(coalesce(a, '{}'))
                  UNION ALL
                  SELECT key, value::bigint FROM jsonb_each_text(coalesce(b, '{}'))) s
           GROUP BY k
          HAVING sum(v) <> 0) t
$$ LANGUAGE sql IMMUTABLE;

CREATE AGGREGATE jsonb_sum(jsonb) (SFUNC = jsonb_add, STYPE = jsonb, INITCOND = '{}');

-- Which shard a brigade's writes use on rows above brigade level.
CREATE FUNCTION rollup_shard(brigade uuid) RETURNS smallint AS $$
  SELECT (abs(hashtext(brigade::text)) % 8)::smallint
$$ LANGUAGE sql IMMUTABLE;

-- The upsert for violations, given a source query yielding violation rows plus a sign
-- column (+1 added, −1 removed). Shared by the trigger and rebuild_rollups().
CREATE FUNCTION violation_daily_sql(src text) RETURNS text AS $$
  SELECT format($q$
    WITH d AS (%s),
    g AS (
      SELECT unit_path, brigade_id, local_day(occurred_at) AS day, type_key, source,
             sum(sign)::int AS total,
             sum(sign * serious::int)::int AS serious,
             sum(sign * (detention_days > 0)::int)::int AS detentions,
             sum(sign * detention_days)::int AS detention_days,
             sum(sign * licence_seized::int)::int AS licences_seized,
             sum(sign * coalesce(fine_yuan, 0))::bigint AS fines_yuan,
             sum(sign * coalesce(points, 0))::int AS points
        FROM d WHERE status <> 'revoked' GROUP BY 1, 2, 3, 4, 5),
    -- The unit of each path and every unit above it (matched by the codes in the path).
    anc AS (SELECT p.unit_path, a.id AS target, a.kind IN ('PROVINCE', 'DETACHMENT') AS sharded
              FROM (SELECT DISTINCT unit_path FROM g) p
              JOIN units a ON a.code = ANY (string_to_array(trim(BOTH '/' FROM p.unit_path), '/'))),
    x AS (SELECT anc.target AS unit_id, CASE WHEN anc.sharded THEN rollup_shard(g.brigade_id) ELSE 0::smallint END AS shard, g.*
            FROM g JOIN anc USING (unit_path)),
    bt AS (SELECT unit_id, shard, day, jsonb_object_agg(type_key, n) AS j
             FROM (SELECT unit_id, shard, day, type_key, sum(total) AS n FROM x GROUP BY 1, 2, 3, 4) s
            WHERE n <> 0 GROUP BY 1, 2, 3),
    bs AS (SELECT unit_id, shard, day, jsonb_object_agg(source, n) AS j
             FROM (SELECT unit_id, shard, day, source, sum(total) AS n FROM x GROUP BY 1, 2, 3, 4) s
            WHERE n <> 0 GROUP BY 1, 2, 3),
    tot AS (SELECT unit_id, shard, day, sum(total)::int AS total, sum(serious)::int AS serious,
                   sum(detentions)::int AS detentions, sum(detention_days)::int AS detention_days,
                   sum(licences_seized)::int AS licences_seized, sum(fines_yuan)::bigint AS fines_yuan, sum(points)::int AS points
              FROM x GROUP BY 1, 2, 3)
    INSERT INTO violation_daily AS r (unit_id, day, shard, total, serious, detentions, detention_days, licences_seized, fines_yuan, points, by_type, by_source)
    SELECT tot.unit_id, tot.day, tot.shard, tot.total, tot.serious, tot.detentions, tot.detention_days, tot.licences_seized,
           tot.fines_yuan, tot.points, coalesce(bt.j, '{}'), coalesce(bs.j, '{}')
      FROM tot LEFT JOIN bt USING (unit_id, shard, day) LEFT JOIN bs USING (unit_id, shard, day)
     ORDER BY tot.unit_id, tot.day, tot.shard
    ON CONFLICT (unit_id, day, shard) DO UPDATE SET
      total = r.total + EXCLUDED.total, serious = r.serious + EXCLUDED.serious,
      detentions = r.detentions + EXCLUDED.detentions, detention_days = r.detention_days + EXCLUDED.detention_days,
      licences_seized = r.licences_seized + EXCLUDED.licences_seized, fines_yuan = r.fines_yuan + EXCLUDED.fines_yuan,
      points = r.points + EXCLUDED.points,
      by_type = jsonb_add(r.by_type, EXCLUDED.by_type), by_source = jsonb_add(r.by_source, EXCLUDED.by_source)
  $q$, src)
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION accident_daily_sql(src text) RETURNS text AS $$
  SELECT format($q$
    WITH d AS (%s),
    g AS (
      SELECT unit_path, brigade_id, local_day(occurred_at) AS day,
             extract(hour FROM occurred_at AT TIME ZONE 'Asia/Shanghai')::int AS hour,
             sum(sign)::int AS total,
             sum(sign * (severity = 'fatal')::int)::int AS fatal,
             sum(sign * deaths)::int AS deaths,
             sum(sign * (severity = 'injury')::int)::int AS injury,
             sum(sign * injured)::int AS injured,
             sum(sign * major::int)::int AS major,
             sum(sign * property_loss_yuan)::bigint AS property_loss_yuan,
             sum(sign * hit_and_run::int)::int AS hit_and_run,
             sum(sign * hit_and_run_solved::int)::int AS hit_and_run_solved,
             sum(sign * (handling = 'quick')::int)::int AS quick_handled,
             sum(sign * (handling = 'remote_video')::int)::int AS remote_handled,
             sum(sign * (rescue_fund_yuan > 0)::int)::int AS rescue_fund_cases,
             sum(sign * rescue_fund_yuan)::bigint AS rescue_fund_yuan
        FROM d GROUP BY 1, 2, 3, 4),
    -- The unit of each path and every unit above it (matched by the codes in the path).
    anc AS (SELECT p.unit_path, a.id AS target, a.kind IN ('PROVINCE', 'DETACHMENT') AS sharded
              FROM (SELECT DISTINCT unit_path FROM g) p
              JOIN units a ON a.code = ANY (string_to_array(trim(BOTH '/' FROM p.unit_path), '/'))),
    x AS (SELECT anc.target AS unit_id, CASE WHEN anc.sharded THEN rollup_shard(g.brigade_id) ELSE 0::smallint END AS shard, g.*
            FROM g JOIN anc USING (unit_path)),
    bh AS (SELECT unit_id, shard, day, jsonb_object_agg(hour::text, n) AS j
             FROM (SELECT unit_id, shard, day, hour, sum(total) AS n FROM x GROUP BY 1, 2, 3, 4) s
            WHERE n <> 0 GROUP BY 1, 2, 3),
    tot AS (SELECT unit_id, shard, day, sum(total)::int AS total, sum(fatal)::int AS fatal, sum(deaths)::int AS deaths,
                   sum(injury)::int AS injury, sum(injured)::int AS injured, sum(major)::int AS major,
                   sum(property_loss_yuan)::bigint AS property_loss_yuan, sum(hit_and_run)::int AS hit_and_run,
                   sum(hit_and_run_solved)::int AS hit_and_run_solved, sum(quick_handled)::int AS quick_handled,
                   sum(remote_handled)::int AS remote_handled, sum(rescue_fund_cases)::int AS rescue_fund_cases,
                   sum(rescue_fund_yuan)::bigint AS rescue_fund_yuan
              FROM x GROUP BY 1, 2, 3)
    INSERT INTO accident_daily AS r (unit_id, day, shard, total, fatal, deaths, injury, injured, major, property_loss_yuan,
                                     hit_and_run, hit_and_run_solved, quick_handled, remote_handled, rescue_fund_cases, rescue_fund_yuan, by_hour)
    SELECT tot.unit_id, tot.day, tot.shard, tot.total, tot.fatal, tot.deaths, tot.injury, tot.injured, tot.major, tot.property_loss_yuan,
           tot.hit_and_run, tot.hit_and_run_solved, tot.quick_handled, tot.remote_handled, tot.rescue_fund_cases, tot.rescue_fund_yuan,
           coalesce(bh.j, '{}')
      FROM tot LEFT JOIN bh USING (unit_id, shard, day)
     ORDER BY tot.unit_id, tot.day, tot.shard
    ON CONFLICT (unit_id, day, shard) DO UPDATE SET
      total = r.total + EXCLUDED.total, fatal = r.fatal + EXCLUDED.fatal, deaths = r.deaths + EXCLUDED.deaths,
      injury = r.injury + EXCLUDED.injury, injured = r.injured + EXCLUDED.injured, major = r.major + EXCLUDED.major,
      property_loss_yuan = r.property_loss_yuan + EXCLUDED.property_loss_yuan,
      hit_and_run = r.hit_and_run + EXCLUDED.hit_and_run, hit_and_run_solved = r.hit_and_run_solved + EXCLUDED.hit_and_run_solved,
      quick_handled = r.quick_handled + EXCLUDED.quick_handled, remote_handled = r.remote_handled + EXCLUDED.remote_handled,
      rescue_fund_cases = r.rescue_fund_cases + EXCLUDED.rescue_fund_cases, rescue_fund_yuan = r.rescue_fund_yuan + EXCLUDED.rescue_fund_yuan,
      by_hour = jsonb_add(r.by_hour, EXCLUDED.by_hour)
  $q$, src)
$$ LANGUAGE sql IMMUTABLE;

-- Source rows for a trigger: inserted rows count +1, deleted −1; for updates only rows
-- whose rollup-relevant columns changed count (−old, +new).
CREATE FUNCTION rollup_trigger_source(op text, cols text) RETURNS text AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE format(
      'SELECT n.*, 1 AS sign FROM new_rows n JOIN old_rows o USING (id) WHERE (%1$s) IS DISTINCT FROM (%2$s)
       UNION ALL
       SELECT o.*, -1 AS sign FROM old_rows o JOIN new_rows n USING (id) WHERE (%1$s) IS DISTINCT FROM (%2$s)',
      regexp_replace(cols, '(\w+)', 'n.\1', 'g'), regexp_replace(cols, '(\w+)', 'o.\1', 'g'))
  END
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION violations_rollup_trigger() RETURNS trigger AS $$
BEGIN
  EXECUTE violation_daily_sql(rollup_trigger_source(TG_OP,
    'unit_path, brigade_id, occurred_at, type_key, source, serious, detention_days, licence_seized, fine_yuan, points, status'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION accidents_rollup_trigger() RETURNS trigger AS $$
BEGIN
  EXECUTE accident_daily_sql(rollup_trigger_source(TG_OP,
    'unit_path, brigade_id, occurred_at, severity, deaths, injured, major, property_loss_yuan, hit_and_run, hit_and_run_solved, handling, rescue_fund_yuan'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER violations_rollup_ins AFTER INSERT ON violations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION violations_rollup_trigger();
CREATE TRIGGER violations_rollup_upd AFTER UPDATE ON violations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION violations_rollup_trigger();
CREATE TRIGGER violations_rollup_del AFTER DELETE ON violations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION violations_rollup_trigger();
CREATE TRIGGER accidents_rollup_ins AFTER INSERT ON accidents REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION accidents_rollup_trigger();
CREATE TRIGGER accidents_rollup_upd AFTER UPDATE ON accidents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION accidents_rollup_trigger();
CREATE TRIGGER accidents_rollup_del AFTER DELETE ON accidents REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION accidents_rollup_trigger();

-- ---------------------------------------------------------------------------------
-- Window (车管窗口): transactions, ratings and ticket waits per unit and local day. Three
-- fact tables feed one rollup row, each trigger writing its own columns.
CREATE TABLE "window_daily" (
    "unit_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "shard" SMALLINT NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "returned" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "after_hours" INTEGER NOT NULL DEFAULT 0,
    "difficult" INTEGER NOT NULL DEFAULT 0,
    "difficult_resolved" INTEGER NOT NULL DEFAULT 0,
    "fees_yuan" BIGINT NOT NULL DEFAULT 0,
    "service_seconds" BIGINT NOT NULL DEFAULT 0,
    "by_category" JSONB NOT NULL DEFAULT '{}',
    "by_channel" JSONB NOT NULL DEFAULT '{}',
    "satisfied" INTEGER NOT NULL DEFAULT 0,
    "basic" INTEGER NOT NULL DEFAULT 0,
    "dissatisfied" INTEGER NOT NULL DEFAULT 0,
    "tickets" INTEGER NOT NULL DEFAULT 0,
    "called" INTEGER NOT NULL DEFAULT 0,
    "wait_seconds" BIGINT NOT NULL DEFAULT 0,
    "no_shows" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "window_daily_pkey" PRIMARY KEY ("unit_id", "day", "shard")
);

-- Completed business (result 'done') is what the report counts by category and channel;
-- returned and refused applications are counted on their own.
CREATE FUNCTION window_tx_daily_sql(src text) RETURNS text AS $$
  SELECT format($q$
    WITH d AS (%s),
    g AS (
      SELECT unit_path, brigade_id, local_day(completed_at) AS day, category_key, channel,
             sum(sign * (result = 'done')::int)::int AS done,
             sum(sign * (result = 'returned')::int)::int AS returned,
             sum(sign * (result = 'refused')::int)::int AS refused,
             sum(sign * after_hours::int)::int AS after_hours,
             sum(sign * difficult::int)::int AS difficult,
             sum(sign * difficult_resolved::int)::int AS difficult_resolved,
             sum(sign * fee_yuan)::bigint AS fees_yuan,
             sum(sign * extract(epoch FROM completed_at - started_at))::bigint AS service_seconds
        FROM d GROUP BY 1, 2, 3, 4, 5),
    anc AS (SELECT p.unit_path, a.id AS target, a.kind IN ('PROVINCE', 'DETACHMENT') AS sharded
              FROM (SELECT DISTINCT unit_path FROM g) p
              JOIN units a ON a.code = ANY (string_to_array(trim(BOTH '/' FROM p.unit_path), '/'))),
    x AS (SELECT anc.target AS unit_id, CASE WHEN anc.sharded THEN rollup_shard(g.brigade_id) ELSE 0::smallint END AS shard, g.*
            FROM g JOIN anc USING (unit_path)),
    bc AS (SELECT unit_id, shard, day, jsonb_object_agg(category_key, n) AS j
             FROM (SELECT unit_id, shard, day, category_key, sum(done) AS n FROM x GROUP BY 1, 2, 3, 4) s WHERE n <> 0 GROUP BY 1, 2, 3),
    bh AS (SELECT unit_id, shard, day, jsonb_object_agg(channel, n) AS j
             FROM (SELECT unit_id, shard, day, channel, sum(done) AS n FROM x GROUP BY 1, 2, 3, 4) s WHERE n <> 0 GROUP BY 1, 2, 3),
    tot AS (SELECT unit_id, shard, day, sum(done)::int AS done, sum(returned)::int AS returned, sum(refused)::int AS refused,
                   sum(after_hours)::int AS after_hours, sum(difficult)::int AS difficult, sum(difficult_resolved)::int AS difficult_resolved,
                   sum(fees_yuan)::bigint AS fees_yuan, sum(service_seconds)::bigint AS service_seconds
              FROM x GROUP BY 1, 2, 3)
    INSERT INTO window_daily AS r (unit_id, day, shard, done, returned, refused, after_hours, difficult, difficult_resolved,
                                   fees_yuan, service_seconds, by_category, by_channel)
    SELECT tot.unit_id, tot.day, tot.shard, tot.done, tot.returned, tot.refused, tot.after_hours, tot.difficult, tot.difficult_resolved,
           tot.fees_yuan, tot.service_seconds, coalesce(bc.j, '{}'), coalesce(bh.j, '{}')
      FROM tot LEFT JOIN bc USING (unit_id, shard, day) LEFT JOIN bh USING (unit_id, shard, day)
     ORDER BY tot.unit_id, tot.day, tot.shard
    ON CONFLICT (unit_id, day, shard) DO UPDATE SET
      done = r.done + EXCLUDED.done, returned = r.returned + EXCLUDED.returned, refused = r.refused + EXCLUDED.refused,
      after_hours = r.after_hours + EXCLUDED.after_hours, difficult = r.difficult + EXCLUDED.difficult,
      difficult_resolved = r.difficult_resolved + EXCLUDED.difficult_resolved, fees_yuan = r.fees_yuan + EXCLUDED.fees_yuan,
      service_seconds = r.service_seconds + EXCLUDED.service_seconds,
      by_category = jsonb_add(r.by_category, EXCLUDED.by_category), by_channel = jsonb_add(r.by_channel, EXCLUDED.by_channel)
  $q$, src)
$$ LANGUAGE sql IMMUTABLE;

-- Ratings count on the day they were given; ticket waits (issued → called) on the day issued.
CREATE FUNCTION window_small_daily_sql(src text, day_expr text, cols text, sums text) RETURNS text AS $$
  SELECT format($q$
    WITH d AS (%1$s),
    g AS (SELECT unit_path, brigade_id, %2$s AS day, %4$s FROM d GROUP BY 1, 2, 3),
    anc AS (SELECT p.unit_path, a.id AS target, a.kind IN ('PROVINCE', 'DETACHMENT') AS sharded
              FROM (SELECT DISTINCT unit_path FROM g) p
              JOIN units a ON a.code = ANY (string_to_array(trim(BOTH '/' FROM p.unit_path), '/'))),
    x AS (SELECT anc.target AS unit_id, CASE WHEN anc.sharded THEN rollup_shard(g.brigade_id) ELSE 0::smallint END AS shard, g.*
            FROM g JOIN anc USING (unit_path))
    INSERT INTO window_daily AS r (unit_id, day, shard, %3$s)
    SELECT unit_id, day, shard, %5$s FROM x GROUP BY unit_id, day, shard ORDER BY unit_id, day, shard
    ON CONFLICT (unit_id, day, shard) DO UPDATE SET %6$s
  $q$, src, day_expr, cols, sums,
     (SELECT string_agg(format('sum(%1$s)::%2$s', c, CASE WHEN c LIKE '%%seconds' THEN 'bigint' ELSE 'int' END), ', ') FROM unnest(string_to_array(cols, ', ')) c),
     (SELECT string_agg(format('%1$s = r.%1$s + EXCLUDED.%1$s', c), ', ') FROM unnest(string_to_array(cols, ', ')) c))
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION window_rating_daily_sql(src text) RETURNS text AS $$
  SELECT window_small_daily_sql(src, 'local_day(evaluated_at)', 'satisfied, basic, dissatisfied',
    'sum(sign * (rating = ''satisfied'')::int) AS satisfied, sum(sign * (rating = ''basic'')::int) AS basic, sum(sign * (rating = ''dissatisfied'')::int) AS dissatisfied')
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION window_ticket_daily_sql(src text) RETURNS text AS $$
  SELECT window_small_daily_sql(src, 'local_day(issued_at)', 'tickets, called, wait_seconds, no_shows',
    'sum(sign) AS tickets, sum(sign * (called_at IS NOT NULL)::int) AS called,
     sum(sign * coalesce(extract(epoch FROM called_at - issued_at), 0))::bigint AS wait_seconds,
     sum(sign * (no_show_at IS NOT NULL)::int) AS no_shows')
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION window_transactions_rollup_trigger() RETURNS trigger AS $$
BEGIN
  EXECUTE window_tx_daily_sql(rollup_trigger_source(TG_OP,
    'unit_path, brigade_id, completed_at, started_at, category_key, channel, result, after_hours, difficult, difficult_resolved, fee_yuan'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION window_evaluations_rollup_trigger() RETURNS trigger AS $$
BEGIN
  EXECUTE window_rating_daily_sql(rollup_trigger_source(TG_OP, 'unit_path, brigade_id, evaluated_at, rating'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION window_tickets_rollup_trigger() RETURNS trigger AS $$
BEGIN
  EXECUTE window_ticket_daily_sql(rollup_trigger_source(TG_OP, 'unit_path, brigade_id, issued_at, called_at, no_show_at'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER window_transactions_rollup_ins AFTER INSERT ON window_transactions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_transactions_rollup_trigger();
CREATE TRIGGER window_transactions_rollup_upd AFTER UPDATE ON window_transactions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_transactions_rollup_trigger();
CREATE TRIGGER window_transactions_rollup_del AFTER DELETE ON window_transactions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_transactions_rollup_trigger();
CREATE TRIGGER window_evaluations_rollup_ins AFTER INSERT ON window_evaluations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_evaluations_rollup_trigger();
CREATE TRIGGER window_evaluations_rollup_upd AFTER UPDATE ON window_evaluations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_evaluations_rollup_trigger();
CREATE TRIGGER window_evaluations_rollup_del AFTER DELETE ON window_evaluations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_evaluations_rollup_trigger();
CREATE TRIGGER window_tickets_rollup_ins AFTER INSERT ON window_tickets REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_tickets_rollup_trigger();
CREATE TRIGGER window_tickets_rollup_upd AFTER UPDATE ON window_tickets REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_tickets_rollup_trigger();
CREATE TRIGGER window_tickets_rollup_del AFTER DELETE ON window_tickets REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION window_tickets_rollup_trigger();

-- ---------------------------------------------------------------------------------
-- Recomputes every rollup from the facts (after a bulk load with triggers disabled, or
-- to repair). Takes table locks so no write slips between the wipe and the rebuild.
CREATE FUNCTION rebuild_rollups() RETURNS void AS $$
BEGIN
  LOCK TABLE violations, accidents, window_transactions, window_evaluations, window_tickets IN SHARE MODE;
  DELETE FROM violation_daily;
  DELETE FROM accident_daily;
  DELETE FROM window_daily;
  EXECUTE violation_daily_sql('SELECT v.*, 1 AS sign FROM violations v');
  EXECUTE accident_daily_sql('SELECT a.*, 1 AS sign FROM accidents a');
  EXECUTE window_tx_daily_sql('SELECT t.*, 1 AS sign FROM window_transactions t');
  EXECUTE window_rating_daily_sql('SELECT e.*, 1 AS sign FROM window_evaluations e');
  EXECUTE window_ticket_daily_sql('SELECT k.*, 1 AS sign FROM window_tickets k');
END;
$$ LANGUAGE plpgsql;

-- Shards spread the writes of one day; once the day is over they only cost readers.
-- Merges shards 1–7 into shard 0 for days before `before`, for one rollup table: numbers
-- are summed, JSON counts merged key by key (the statement is built from the table's
-- columns, so a new rollup column needs no change here).
CREATE FUNCTION compact_rollup_table(tbl text, before date) RETURNS integer AS $$
DECLARE
  numcols text; numsums text; numsets text; jcols text; jvals text; jjoins text; jsets text; merged integer;
BEGIN
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
         string_agg(format('sum(%1$I)::%2$s AS %1$I', column_name, data_type), ', ' ORDER BY ordinal_position),
         string_agg(format('%1$I = r.%1$I + EXCLUDED.%1$I', column_name), ', ' ORDER BY ordinal_position)
    INTO numcols, numsums, numsets
    FROM information_schema.columns
   WHERE table_schema = current_schema() AND table_name = tbl AND data_type IN ('integer', 'bigint');
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
         string_agg(format('coalesce(%I.j, ''{}'')', 'j_' || column_name), ', ' ORDER BY ordinal_position),
         string_agg(format(
           'LEFT JOIN (SELECT unit_id, day, jsonb_object_agg(k, n) AS j
                         FROM (SELECT unit_id, day, e.key AS k, sum(e.value::bigint) AS n FROM moved, jsonb_each_text(moved.%1$I) e GROUP BY 1, 2, 3) t
                        WHERE n <> 0 GROUP BY 1, 2) %2$I USING (unit_id, day)', column_name, 'j_' || column_name), ' ' ORDER BY ordinal_position),
         string_agg(format('%1$I = jsonb_add(r.%1$I, EXCLUDED.%1$I)', column_name), ', ' ORDER BY ordinal_position)
    INTO jcols, jvals, jjoins, jsets
    FROM information_schema.columns
   WHERE table_schema = current_schema() AND table_name = tbl AND data_type = 'jsonb';
  EXECUTE format(
    'WITH moved AS (DELETE FROM %1$I WHERE shard > 0 AND day < $1 RETURNING *),
          sums AS (SELECT unit_id, day, %3$s FROM moved GROUP BY 1, 2)
     INSERT INTO %1$I AS r (unit_id, day, shard, %2$s, %5$s)
     SELECT sums.unit_id, sums.day, 0, %2$s, %6$s FROM sums %7$s ORDER BY 1, 2
     ON CONFLICT (unit_id, day, shard) DO UPDATE SET %4$s, %8$s',
    tbl, numcols, numsums, numsets, jcols, jvals, jjoins, jsets) USING before;
  GET DIAGNOSTICS merged = ROW_COUNT;
  RETURN merged;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION compact_rollups(before date) RETURNS integer AS $$
  SELECT compact_rollup_table('violation_daily', before) + compact_rollup_table('accident_daily', before) + compact_rollup_table('window_daily', before)
$$ LANGUAGE sql;
