-- Grid duty (prisma/schema/duty.prisma): grids, segments, must-reach points, beats and
-- their members, positions (partitioned by day), last positions, SOS alerts, settings.
-- Written by hand; tests/db/schema-match.test.ts checks it against the schema.

-- btree_gist lets one GiST index combine "same person" (=) with "overlapping time" (&&).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE "grids" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "geometry" JSONB NOT NULL,
    "bbox" DOUBLE PRECISION[] NOT NULL,
    "drivers" INTEGER,
    "road_km" DOUBLE PRECISION,
    "difficulty" INTEGER NOT NULL DEFAULT 3,
    "available_police" INTEGER,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "grids_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "grids_kind_check" CHECK ("kind" IN ('urban', 'rural', 'highway')),
    CONSTRAINT "grids_factors_check" CHECK ("difficulty" BETWEEN 1 AND 5 AND COALESCE("drivers", 0) >= 0 AND COALESCE("road_km", 0) >= 0 AND COALESCE("available_police", 0) >= 0),
    CONSTRAINT "grids_bbox_check" CHECK (cardinality("bbox") = 4)
);

CREATE TABLE "road_segments" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "grid_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "geometry" JSONB NOT NULL,
    "bbox" DOUBLE PRECISION[] NOT NULL,
    "length_m" DOUBLE PRECISION NOT NULL,
    "road_chief_user_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "road_segments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "road_segments_bbox_check" CHECK (cardinality("bbox") = 4)
);

CREATE TABLE "must_reach_points" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "grid_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "radius_m" INTEGER NOT NULL DEFAULT 100,
    "time_windows" JSONB NOT NULL DEFAULT '[]',
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "must_reach_points_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "must_reach_points_location_check" CHECK ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180 AND "radius_m" BETWEEN 5 AND 5000)
);

CREATE TABLE "beats" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "grid_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "shift_kind" TEXT NOT NULL,
    "must_correct_types" TEXT[] NOT NULL DEFAULT '{}',
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by_id" UUID,
    "cancel_reason" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "beats_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "beats_period_check" CHECK ("ends_at" > "starts_at" AND "ends_at" <= "starts_at" + interval '24 hours'),
    CONSTRAINT "beats_shift_kind_check" CHECK ("shift_kind" IN ('morning_peak', 'evening_peak', 'school_guard', 'market_day', 'night_check', 'road_chief', 'custom'))
);

CREATE TABLE "beat_members" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "beat_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "beat_members_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "beat_members_role_check" CHECK ("role" IN ('lead', 'auxiliary'))
);

CREATE TABLE "beat_points" (
    "beat_id" UUID NOT NULL,
    "point_id" UUID NOT NULL,
    CONSTRAINT "beat_points_pkey" PRIMARY KEY ("beat_id", "point_id")
);

-- Partitioned by local (Asia/Shanghai) day on occurred_at: retention drops whole days
-- instead of deleting rows. The primary key must include the partition key.
CREATE TABLE "positions" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "accuracy_m" DOUBLE PRECISION,
    "status" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "positions_pkey" PRIMARY KEY ("id", "occurred_at"),
    CONSTRAINT "positions_status_check" CHECK ("status" IN ('on_patrol', 'handling_incident', 'off_duty', 'sos')),
    CONSTRAINT "positions_location_check" CHECK ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180 AND COALESCE("accuracy_m", 0) >= 0)
) PARTITION BY RANGE ("occurred_at");

-- Rows whose day has no partition yet (a device with a wrong clock, a late upload) land
-- here instead of failing; ensure_position_partitions moves them out when it creates the day.
CREATE TABLE "positions_default" PARTITION OF "positions" DEFAULT;

CREATE TABLE "last_positions" (
    "user_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "accuracy_m" DOUBLE PRECISION,
    "status" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "last_positions_pkey" PRIMARY KEY ("user_id"),
    CONSTRAINT "last_positions_status_check" CHECK ("status" IN ('on_patrol', 'handling_incident', 'off_duty', 'sos'))
);

CREATE TABLE "sos_alerts" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "user_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "accuracy_m" DOUBLE PRECISION,
    "message" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by_id" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by_id" UUID,
    "resolution_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sos_alerts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sos_alerts_status_check" CHECK ("status" IN ('open', 'acknowledged', 'resolved')),
    -- The handling times must agree with the status: no "resolved" without a time and a person.
    CONSTRAINT "sos_alerts_handling_check" CHECK (
        ("status" = 'open' AND "acknowledged_at" IS NULL AND "resolved_at" IS NULL)
        OR ("status" = 'acknowledged' AND "acknowledged_at" IS NOT NULL AND "acknowledged_by_id" IS NOT NULL AND "resolved_at" IS NULL)
        OR ("status" = 'resolved' AND "acknowledged_at" IS NOT NULL AND "resolved_at" IS NOT NULL AND "resolved_by_id" IS NOT NULL)
    )
);

CREATE TABLE "duty_settings" (
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "risk_window_days" INTEGER NOT NULL DEFAULT 30,
    "weight_fatal" INTEGER NOT NULL DEFAULT 10,
    "weight_injury" INTEGER NOT NULL DEFAULT 4,
    "weight_serious" INTEGER NOT NULL DEFAULT 2,
    "weight_other" INTEGER NOT NULL DEFAULT 1,
    "yellow_at" INTEGER NOT NULL DEFAULT 15,
    "red_at" INTEGER NOT NULL DEFAULT 40,
    "segment_buffer_m" INTEGER NOT NULL DEFAULT 100,
    "min_dwell_s" INTEGER NOT NULL DEFAULT 120,
    "stale_after_s" INTEGER NOT NULL DEFAULT 600,
    "peak_windows" JSONB NOT NULL DEFAULT '[{"from":"07:00","to":"09:00"},{"from":"17:00","to":"19:00"}]',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "duty_settings_pkey" PRIMARY KEY ("unit_id"),
    -- The order of the weights is the rule (fatal > injury > serious violation > other).
    CONSTRAINT "duty_settings_weights_check" CHECK ("weight_fatal" > "weight_injury" AND "weight_injury" > "weight_serious" AND "weight_serious" > "weight_other" AND "weight_other" >= 0),
    CONSTRAINT "duty_settings_thresholds_check" CHECK ("yellow_at" > 0 AND "red_at" > "yellow_at" AND "risk_window_days" BETWEEN 1 AND 366),
    CONSTRAINT "duty_settings_rules_check" CHECK ("segment_buffer_m" BETWEEN 5 AND 2000 AND "min_dwell_s" BETWEEN 0 AND 7200 AND "stale_after_s" BETWEEN 30 AND 86400)
);

CREATE INDEX "grids_unit_path_idx" ON "grids"("unit_path");
CREATE INDEX "grids_brigade_id_idx" ON "grids"("brigade_id");
-- A squad's active grids have distinct names (archived ones may repeat a name).
CREATE UNIQUE INDEX "grids_active_name_key" ON "grids"("unit_id", "name") WHERE "archived_at" IS NULL;
CREATE INDEX "road_segments_grid_id_idx" ON "road_segments"("grid_id");
CREATE INDEX "road_segments_unit_path_idx" ON "road_segments"("unit_path");
CREATE INDEX "must_reach_points_grid_id_idx" ON "must_reach_points"("grid_id");
CREATE INDEX "must_reach_points_unit_path_idx" ON "must_reach_points"("unit_path");
CREATE INDEX "beats_unit_path_starts_at_idx" ON "beats"("unit_path", "starts_at");
CREATE INDEX "beats_grid_id_starts_at_idx" ON "beats"("grid_id", "starts_at");
CREATE UNIQUE INDEX "beat_members_beat_id_user_id_key" ON "beat_members"("beat_id", "user_id");
CREATE INDEX "beat_members_user_id_starts_at_idx" ON "beat_members"("user_id", "starts_at");
-- One lead officer per beat.
CREATE UNIQUE INDEX "beat_members_one_lead_key" ON "beat_members"("beat_id") WHERE "role" = 'lead';
CREATE INDEX "beat_points_point_id_idx" ON "beat_points"("point_id");
CREATE INDEX "positions_unit_path_occurred_at_idx" ON "positions"("unit_path", "occurred_at");
CREATE INDEX "positions_user_id_occurred_at_idx" ON "positions"("user_id", "occurred_at");
CREATE INDEX "last_positions_unit_path_idx" ON "last_positions"("unit_path");
CREATE INDEX "sos_alerts_unit_path_occurred_at_idx" ON "sos_alerts"("unit_path", "occurred_at");
CREATE INDEX "sos_alerts_status_unit_path_idx" ON "sos_alerts"("status", "unit_path");
CREATE INDEX "duty_settings_unit_path_idx" ON "duty_settings"("unit_path");

ALTER TABLE "road_segments" ADD CONSTRAINT "road_segments_grid_id_fkey" FOREIGN KEY ("grid_id") REFERENCES "grids"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "must_reach_points" ADD CONSTRAINT "must_reach_points_grid_id_fkey" FOREIGN KEY ("grid_id") REFERENCES "grids"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "beats" ADD CONSTRAINT "beats_grid_id_fkey" FOREIGN KEY ("grid_id") REFERENCES "grids"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "beat_members" ADD CONSTRAINT "beat_members_beat_id_fkey" FOREIGN KEY ("beat_id") REFERENCES "beats"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "beat_points" ADD CONSTRAINT "beat_points_beat_id_fkey" FOREIGN KEY ("beat_id") REFERENCES "beats"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "beat_points" ADD CONSTRAINT "beat_points_point_id_fkey" FOREIGN KEY ("point_id") REFERENCES "must_reach_points"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- People are referenced by id; users are never deleted (only disabled), so these keys
-- only catch a wrong id. Declared here rather than in Prisma to keep core.prisma free of
-- back-relations for every domain.
ALTER TABLE "road_segments" ADD CONSTRAINT "road_segments_road_chief_user_id_fkey" FOREIGN KEY ("road_chief_user_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "beat_members" ADD CONSTRAINT "beat_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "sos_alerts" ADD CONSTRAINT "sos_alerts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT;

-- No double booking, enforced by the database: one person cannot be on two
-- non-cancelled beats whose [start, end) ranges overlap. Back-to-back beats are fine.
-- Violations raise SQLSTATE 23P01, which the app turns into a 409 naming the other beat.
ALTER TABLE "beat_members" ADD CONSTRAINT "beat_members_no_overlap"
  EXCLUDE USING gist ("user_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE (NOT "cancelled");

-- beat_members mirror their beat's range and cancelled flag; the beat row is the one
-- source of truth and these triggers copy it, so the exclusion above sees every change.
CREATE FUNCTION beat_members_copy_beat() RETURNS trigger AS $$
BEGIN
  SELECT b.starts_at, b.ends_at, b.cancelled_at IS NOT NULL
    INTO NEW.starts_at, NEW.ends_at, NEW.cancelled
    FROM beats b WHERE b.id = NEW.beat_id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER beat_members_copy_beat BEFORE INSERT OR UPDATE ON "beat_members"
  FOR EACH ROW EXECUTE FUNCTION beat_members_copy_beat();

CREATE FUNCTION beats_sync_members() RETURNS trigger AS $$
BEGIN
  UPDATE beat_members
     SET starts_at = NEW.starts_at, ends_at = NEW.ends_at, cancelled = NEW.cancelled_at IS NOT NULL
   WHERE beat_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER beats_sync_members AFTER UPDATE OF "starts_at", "ends_at", "cancelled_at" ON "beats"
  FOR EACH ROW
  WHEN (OLD.starts_at IS DISTINCT FROM NEW.starts_at OR OLD.ends_at IS DISTINCT FROM NEW.ends_at OR OLD.cancelled_at IS DISTINCT FROM NEW.cancelled_at)
  EXECUTE FUNCTION beats_sync_members();

-- Creates the daily partitions of positions for [from_day, from_day + days) (local
-- days), moving any rows that fell into the default partition for those days. Cheap when
-- they exist already; serialised by an advisory lock when it has work to do.
CREATE FUNCTION ensure_position_partitions(from_day date, days int) RETURNS int AS $$
DECLARE
  d date;
  lo timestamptz;
  hi timestamptz;
  part text;
  made int := 0;
BEGIN
  FOR i IN 0 .. days - 1 LOOP
    d := from_day + i;
    part := 'positions_' || to_char(d, 'YYYYMMDD');
    CONTINUE WHEN to_regclass(quote_ident(part)) IS NOT NULL;
    PERFORM pg_advisory_xact_lock(7262025);
    CONTINUE WHEN to_regclass(quote_ident(part)) IS NOT NULL;
    lo := d::timestamp AT TIME ZONE 'Asia/Shanghai';
    hi := (d + 1)::timestamp AT TIME ZONE 'Asia/Shanghai';
    CREATE TEMP TABLE IF NOT EXISTS _positions_moved (LIKE positions) ON COMMIT DROP;
    WITH moved AS (DELETE FROM positions_default WHERE occurred_at >= lo AND occurred_at < hi RETURNING *)
      INSERT INTO _positions_moved SELECT * FROM moved;
    EXECUTE format('CREATE TABLE %I PARTITION OF positions FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    INSERT INTO positions SELECT * FROM _positions_moved;
    TRUNCATE _positions_moved;
    made := made + 1;
  END LOOP;
  RETURN made;
END;
$$ LANGUAGE plpgsql;

-- Retention: drops the daily partitions that ended before (today - keep_days) and deletes
-- such old rows from the default partition. Returns the number of partitions dropped.
CREATE FUNCTION drop_position_partitions(keep_days int) RETURNS int AS $$
DECLARE
  t record;
  cutoff date := (now() AT TIME ZONE 'Asia/Shanghai')::date - keep_days;
  dropped int := 0;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'positions'::regclass AND c.relname ~ '^positions_[0-9]{8}$'
  LOOP
    IF to_date(substr(t.relname, 11), 'YYYYMMDD') < cutoff THEN
      EXECUTE format('DROP TABLE %I', t.relname);
      dropped := dropped + 1;
    END IF;
  END LOOP;
  DELETE FROM positions_default WHERE occurred_at < cutoff::timestamp AT TIME ZONE 'Asia/Shanghai';
  RETURN dropped;
END;
$$ LANGUAGE plpgsql;

SELECT ensure_position_partitions((now() AT TIME ZONE 'Asia/Shanghai')::date - 1, 3);
