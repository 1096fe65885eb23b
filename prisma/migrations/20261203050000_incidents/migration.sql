-- Incidents and dispatch (接处警) and the record chain (issue 12); see docs/incidents.md.
-- Written by hand; tests/db/schema-match.test.ts checks it against prisma/schema.

-- ---------------------------------------------------------------------------------
-- An incident (警情): a 122 call, a 110 transfer, something found on patrol, a walk-in,
-- a camera alert or another system's push. A fact row like violations: unit, unit path
-- and brigade, no foreign key to units or users (a brigade's rows can live on one node).
CREATE TABLE "incidents" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "grid_id" UUID,
    "beat_id" UUID,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 2,
    "status" TEXT NOT NULL DEFAULT 'received',
    "caller_name" TEXT,
    "caller_phone" TEXT,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "address" TEXT,
    "road_name" TEXT,
    "km_marker" TEXT,
    "description" TEXT,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "dispatched_at" TIMESTAMPTZ(3),
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_id" UUID,
    "arrived_at" TIMESTAMPTZ(3),
    "arrived_by_id" UUID,
    "arrived_auto" BOOLEAN NOT NULL DEFAULT false,
    "handled_at" TIMESTAMPTZ(3),
    "handled_by_id" UUID,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "outcome" TEXT,
    "feedback_reached" BOOLEAN,
    "feedback_satisfied" BOOLEAN,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancelled_by_id" UUID,
    "cancel_reason" TEXT,
    "recorded_by_id" UUID,
    "recorded_by_token_id" UUID,
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "incidents_source_check" CHECK ("source" IN ('call_122', 'transfer_110', 'patrol', 'walk_in', 'camera', 'system')),
    CONSTRAINT "incidents_kind_check" CHECK ("kind" IN ('accident_injury', 'accident_property', 'congestion', 'obstruction', 'breakdown', 'dangerous_goods', 'dispute', 'complaint', 'other')),
    CONSTRAINT "incidents_priority_check" CHECK ("priority" BETWEEN 1 AND 3),
    CONSTRAINT "incidents_status_check" CHECK ("status" IN ('received', 'dispatched', 'accepted', 'on_scene', 'handled', 'closed', 'cancelled')),
    CONSTRAINT "incidents_location_check" CHECK ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180),
    -- The timeline must agree with the status: no step without its time, no time before the call.
    CONSTRAINT "incidents_timeline_check" CHECK (
        ("status" <> 'dispatched' OR "dispatched_at" IS NOT NULL)
        AND ("status" <> 'accepted' OR "accepted_at" IS NOT NULL)
        AND ("status" <> 'on_scene' OR "arrived_at" IS NOT NULL)
        AND ("status" <> 'handled' OR "handled_at" IS NOT NULL)
        AND (("status" = 'closed') = ("closed_at" IS NOT NULL))
        AND (("status" = 'cancelled') = ("cancelled_at" IS NOT NULL))
        AND ("accepted_at" IS NULL OR "dispatched_at" IS NOT NULL)
        AND ("arrived_at" IS NULL OR "dispatched_at" IS NOT NULL)
        AND "received_at" <= COALESCE("dispatched_at", "received_at")
    ),
    -- 回访: "satisfied" is only known when the caller was reached, and only on a closed incident.
    CONSTRAINT "incidents_feedback_check" CHECK (
        ("feedback_satisfied" IS NULL OR "feedback_reached")
        AND ("feedback_reached" IS NULL OR "closed_at" IS NOT NULL)
    )
);

CREATE UNIQUE INDEX "incidents_unit_id_external_ref_key" ON "incidents"("unit_id", "external_ref");
CREATE INDEX "incidents_unit_path_received_at_idx" ON "incidents"("unit_path", "received_at");
CREATE INDEX "incidents_brigade_id_received_at_idx" ON "incidents"("brigade_id", "received_at");
CREATE INDEX "incidents_grid_id_received_at_idx" ON "incidents"("grid_id", "received_at");
CREATE INDEX "incidents_beat_id_idx" ON "incidents"("beat_id");
-- The desk's list: open incidents of a scope.
CREATE INDEX "incidents_open_idx" ON "incidents"("unit_path", "received_at") WHERE "status" NOT IN ('closed', 'cancelled');

-- One row per dispatch (出警指令): who was sent, by whom, when; ended when replaced, or
-- when the incident is closed or cancelled. user_ids are the people sent together.
CREATE TABLE "incident_dispatches" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "incident_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "user_ids" UUID[] NOT NULL,
    "dispatched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatched_by_id" UUID,
    "dispatched_by_token_id" UUID,
    "ended_at" TIMESTAMPTZ(3),
    "end_reason" TEXT,
    "ended_by_id" UUID,
    CONSTRAINT "incident_dispatches_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "incident_dispatches_users_check" CHECK (cardinality("user_ids") BETWEEN 1 AND 10),
    CONSTRAINT "incident_dispatches_end_check" CHECK (("ended_at" IS NULL) = ("end_reason" IS NULL) AND ("end_reason" IS NULL OR "end_reason" IN ('replaced', 'closed', 'cancelled')))
);
CREATE INDEX "incident_dispatches_incident_id_dispatched_at_idx" ON "incident_dispatches"("incident_id", "dispatched_at");
CREATE INDEX "incident_dispatches_user_ids_idx" ON "incident_dispatches" USING GIN ("user_ids");
-- While a dispatch stands, another is refused BY THE DATABASE: two duty officers clicking
-- at once both insert, one waits on this index and fails with 23505, which the app turns
-- into a 409 naming who dispatched whom. A re-dispatch ends the standing one first.
CREATE UNIQUE INDEX "incident_dispatches_standing_key" ON "incident_dispatches"("incident_id") WHERE "ended_at" IS NULL;
ALTER TABLE "incident_dispatches" ADD CONSTRAINT "incident_dispatches_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------
-- The record chain: every violation and accident knows the beat on duty where and when it
-- happened, and the incident it came from. No foreign keys (fact tables stay free of them).
ALTER TABLE "violations" ADD COLUMN "beat_id" UUID, ADD COLUMN "incident_id" UUID;
ALTER TABLE "accidents" ADD COLUMN "beat_id" UUID, ADD COLUMN "incident_id" UUID;
CREATE INDEX "violations_beat_id_idx" ON "violations"("beat_id");
CREATE INDEX "violations_incident_id_idx" ON "violations"("incident_id");
CREATE INDEX "violations_recorded_by_id_occurred_at_idx" ON "violations"("recorded_by_id", "occurred_at");
CREATE INDEX "accidents_beat_id_idx" ON "accidents"("beat_id");
CREATE INDEX "accidents_incident_id_idx" ON "accidents"("incident_id");
CREATE INDEX "accidents_recorded_by_id_occurred_at_idx" ON "accidents"("recorded_by_id", "occurred_at");

-- THE rule of the chain, in one place: the beat on duty in a grid at an instant is the
-- non-cancelled beat of that grid whose planned [starts_at, ends_at) covers it; when
-- several overlap, the one that started last (then the smallest id). lib/records/chain.ts
-- applies the same rule in memory for bulk imports; tests/db/record-chain.test.ts checks
-- both against a plain query. Beats last at most 24 hours (beats_period_check), which
-- bounds the index range scan.
CREATE FUNCTION chain_beat_at(grid uuid, at timestamptz) RETURNS uuid AS $$
  SELECT b.id FROM beats b
   WHERE grid IS NOT NULL AND b.grid_id = grid AND b.cancelled_at IS NULL
     AND b.starts_at <= at AND b.starts_at > at - interval '24 hours' AND b.ends_at > at
   ORDER BY b.starts_at DESC, b.id
   LIMIT 1
$$ LANGUAGE sql STABLE;

-- A record whose grid or time changes (grid edits reassign grids, corrections) gets its
-- beat again. Row-level, but only for UPDATEs of these columns: bulk COPYs are untouched.
CREATE FUNCTION chain_set_beat() RETURNS trigger AS $$
BEGIN
  NEW.beat_id := chain_beat_at(NEW.grid_id, NEW.occurred_at);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE FUNCTION chain_set_incident_beat() RETURNS trigger AS $$
BEGIN
  NEW.beat_id := chain_beat_at(NEW.grid_id, NEW.received_at);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER violations_chain_beat BEFORE UPDATE OF grid_id, occurred_at ON "violations"
  FOR EACH ROW WHEN (OLD.grid_id IS DISTINCT FROM NEW.grid_id OR OLD.occurred_at IS DISTINCT FROM NEW.occurred_at)
  EXECUTE FUNCTION chain_set_beat();
CREATE TRIGGER accidents_chain_beat BEFORE UPDATE OF grid_id, occurred_at ON "accidents"
  FOR EACH ROW WHEN (OLD.grid_id IS DISTINCT FROM NEW.grid_id OR OLD.occurred_at IS DISTINCT FROM NEW.occurred_at)
  EXECUTE FUNCTION chain_set_beat();
CREATE TRIGGER incidents_chain_beat BEFORE UPDATE OF grid_id, received_at ON "incidents"
  FOR EACH ROW WHEN (OLD.grid_id IS DISTINCT FROM NEW.grid_id OR OLD.received_at IS DISTINCT FROM NEW.received_at)
  EXECUTE FUNCTION chain_set_incident_beat();

-- A beat rostered, moved or cancelled after records were written re-derives the beat of
-- the records of its grid in its old and new time range (an index range scan on
-- (grid_id, occurred_at); beats are few, records many).
CREATE FUNCTION chain_rederive(grid uuid, lo timestamptz, hi timestamptz) RETURNS void AS $$
BEGIN
  UPDATE violations v SET beat_id = chain_beat_at(v.grid_id, v.occurred_at)
   WHERE v.grid_id = grid AND v.occurred_at >= lo AND v.occurred_at < hi
     AND v.beat_id IS DISTINCT FROM chain_beat_at(v.grid_id, v.occurred_at);
  UPDATE accidents a SET beat_id = chain_beat_at(a.grid_id, a.occurred_at)
   WHERE a.grid_id = grid AND a.occurred_at >= lo AND a.occurred_at < hi
     AND a.beat_id IS DISTINCT FROM chain_beat_at(a.grid_id, a.occurred_at);
  UPDATE incidents i SET beat_id = chain_beat_at(i.grid_id, i.received_at)
   WHERE i.grid_id = grid AND i.received_at >= lo AND i.received_at < hi
     AND i.beat_id IS DISTINCT FROM chain_beat_at(i.grid_id, i.received_at);
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION beats_chain_rederive() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM chain_rederive(OLD.grid_id, OLD.starts_at, OLD.ends_at);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM chain_rederive(NEW.grid_id, NEW.starts_at, NEW.ends_at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER beats_chain_ins AFTER INSERT ON "beats" FOR EACH ROW EXECUTE FUNCTION beats_chain_rederive();
CREATE TRIGGER beats_chain_upd AFTER UPDATE OF grid_id, starts_at, ends_at, cancelled_at ON "beats"
  FOR EACH ROW
  WHEN (OLD.grid_id IS DISTINCT FROM NEW.grid_id OR OLD.starts_at IS DISTINCT FROM NEW.starts_at
        OR OLD.ends_at IS DISTINCT FROM NEW.ends_at OR OLD.cancelled_at IS DISTINCT FROM NEW.cancelled_at)
  EXECUTE FUNCTION beats_chain_rederive();
CREATE TRIGGER beats_chain_del AFTER DELETE ON "beats" FOR EACH ROW EXECUTE FUNCTION beats_chain_rederive();

-- The records already stored get their beat now (npm run backfill:chain does the same, in
-- chunks, and also fills grids; it is idempotent). Only records inside the span of the
-- beats can have one.
UPDATE violations v SET beat_id = chain_beat_at(v.grid_id, v.occurred_at)
 WHERE v.grid_id IS NOT NULL
   AND v.occurred_at >= (SELECT min(starts_at) FROM beats) AND v.occurred_at < (SELECT max(ends_at) FROM beats);
UPDATE accidents a SET beat_id = chain_beat_at(a.grid_id, a.occurred_at)
 WHERE a.grid_id IS NOT NULL
   AND a.occurred_at >= (SELECT min(starts_at) FROM beats) AND a.occurred_at < (SELECT max(ends_at) FROM beats);

-- ---------------------------------------------------------------------------------
-- Black spot → measure → effect: what a commander did about a black spot (an H3 cell of
-- resolution 8, as on Hazards → Black spots) and from when; the effect is computed from
-- the records before and after starts_on, never typed in.
CREATE TABLE "black_spot_measures" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "cell" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "hazard_id" UUID,
    "point_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "black_spot_measures_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "black_spot_measures_kind_check" CHECK ("kind" IN ('hazard', 'must_reach_point', 'extra_beats', 'other'))
);
CREATE INDEX "black_spot_measures_cell_idx" ON "black_spot_measures"("cell");
CREATE INDEX "black_spot_measures_unit_path_starts_on_idx" ON "black_spot_measures"("unit_path", "starts_on");

-- ---------------------------------------------------------------------------------
-- Overdue flags of the incident desk, per brigade: not accepted within N minutes of the
-- dispatch, not on scene within M minutes. Computed when read (no job to run twice).
ALTER TABLE "duty_settings"
    ADD COLUMN "accept_within_min" INTEGER NOT NULL DEFAULT 3,
    ADD COLUMN "arrive_within_min" INTEGER NOT NULL DEFAULT 20,
    ADD CONSTRAINT "duty_settings_incident_check" CHECK ("accept_within_min" BETWEEN 1 AND 120 AND "arrive_within_min" BETWEEN 1 AND 480 AND "arrive_within_min" >= "accept_within_min");
