-- Enforcement facts, core columns (prisma/schema/records.prisma).
-- Fact tables carry unit_id, unit_path (COLLATE "C": scope filters are prefix matches on
-- a plain btree) and brigade_id. No foreign key from a fact row to units: a province
-- can later distribute facts by brigade (Citus) without cross-node references.

CREATE TABLE "violation_types" (
    "key" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "fine_min_yuan" INTEGER NOT NULL DEFAULT 0,
    "fine_max_yuan" INTEGER NOT NULL DEFAULT 0,
    "points" INTEGER NOT NULL DEFAULT 0,
    "serious" BOOLEAN NOT NULL DEFAULT false,
    "auxiliary_may_record" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "violation_types_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "violation_types_key_check" CHECK ("key" ~ '^[a-z][a-z0-9_]*$'),
    CONSTRAINT "violation_types_fine_check" CHECK ("fine_min_yuan" >= 0 AND "fine_max_yuan" >= "fine_min_yuan" AND "points" BETWEEN 0 AND 12)
);

CREATE TABLE "operations" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "notes" TEXT,
    "external_ref" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "operations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "operations_kind_check" CHECK ("kind" IN ('campaign', 'escort')),
    CONSTRAINT "operations_period_check" CHECK ("ends_at" >= "starts_at")
);

CREATE TABLE "violations" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "grid_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "address" TEXT,
    "road_name" TEXT,
    "plate" TEXT,
    "plate_color" TEXT,
    "vehicle_type" TEXT,
    "type_key" TEXT NOT NULL,
    "serious" BOOLEAN NOT NULL DEFAULT false,
    "source" TEXT NOT NULL,
    "recorded_by_id" UUID,
    "recorded_by_token_id" UUID,
    "operation_id" UUID,
    "driver_name" TEXT,
    "driver_id_number" TEXT,
    "licence_number" TEXT,
    "fine_yuan" INTEGER,
    "points" INTEGER,
    "licence_seized" BOOLEAN NOT NULL DEFAULT false,
    "detention_days" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "violations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "violations_source_check" CHECK ("source" IN ('onsite', 'camera', 'video_patrol', 'citizen_report')),
    CONSTRAINT "violations_status_check" CHECK ("status" IN ('recorded', 'notified', 'closed', 'appealed', 'upheld', 'revoked')),
    CONSTRAINT "violations_location_check" CHECK (("lat" IS NULL) = ("lng" IS NULL) AND ("lat" IS NULL OR ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180))),
    CONSTRAINT "violations_penalty_check" CHECK (COALESCE("fine_yuan", 0) >= 0 AND COALESCE("points", 0) BETWEEN 0 AND 12 AND "detention_days" BETWEEN 0 AND 20)
);

CREATE TABLE "accidents" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "grid_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "address" TEXT,
    "road_name" TEXT,
    "road_type" TEXT,
    "weather" TEXT,
    "cause" TEXT,
    "deaths" INTEGER NOT NULL DEFAULT 0,
    "injured" INTEGER NOT NULL DEFAULT 0,
    "property_loss_yuan" INTEGER NOT NULL DEFAULT 0,
    "severity" TEXT NOT NULL,
    "major" BOOLEAN NOT NULL DEFAULT false,
    "hit_and_run" BOOLEAN NOT NULL DEFAULT false,
    "hit_and_run_solved" BOOLEAN NOT NULL DEFAULT false,
    "handling" TEXT NOT NULL DEFAULT 'onsite',
    "rescue_fund_yuan" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'open',
    "recorded_by_id" UUID,
    "recorded_by_token_id" UUID,
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "accidents_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "accidents_counts_check" CHECK ("deaths" >= 0 AND "injured" >= 0 AND "property_loss_yuan" >= 0 AND "rescue_fund_yuan" >= 0),
    -- Severity is derived, never typed: the database refuses a row where it disagrees.
    CONSTRAINT "accidents_severity_check" CHECK ("severity" = CASE WHEN "deaths" > 0 THEN 'fatal' WHEN "injured" > 0 THEN 'injury' ELSE 'property' END),
    CONSTRAINT "accidents_major_check" CHECK ("major" = ("deaths" >= 3)),
    CONSTRAINT "accidents_handling_check" CHECK ("handling" IN ('onsite', 'quick', 'remote_video')),
    CONSTRAINT "accidents_hit_and_run_check" CHECK ("hit_and_run" OR NOT "hit_and_run_solved"),
    CONSTRAINT "accidents_location_check" CHECK (("lat" IS NULL) = ("lng" IS NULL))
);

CREATE TABLE "accident_parties" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "accident_id" UUID NOT NULL,
    "plate" TEXT,
    "vehicle_type" TEXT,
    "name" TEXT,
    "id_number" TEXT,
    "role" TEXT NOT NULL DEFAULT 'driver',
    "at_fault" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "accident_parties_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "operations_unit_id_external_ref_key" ON "operations"("unit_id", "external_ref");
CREATE INDEX "operations_unit_path_starts_at_idx" ON "operations"("unit_path", "starts_at");
CREATE UNIQUE INDEX "violations_unit_id_external_ref_key" ON "violations"("unit_id", "external_ref");
CREATE INDEX "violations_unit_path_occurred_at_idx" ON "violations"("unit_path", "occurred_at");
CREATE INDEX "violations_brigade_id_occurred_at_idx" ON "violations"("brigade_id", "occurred_at");
CREATE INDEX "violations_grid_id_occurred_at_idx" ON "violations"("grid_id", "occurred_at");
CREATE INDEX "violations_plate_idx" ON "violations"("plate");
CREATE UNIQUE INDEX "accidents_unit_id_external_ref_key" ON "accidents"("unit_id", "external_ref");
CREATE INDEX "accidents_unit_path_occurred_at_idx" ON "accidents"("unit_path", "occurred_at");
CREATE INDEX "accidents_brigade_id_occurred_at_idx" ON "accidents"("brigade_id", "occurred_at");
CREATE INDEX "accidents_grid_id_occurred_at_idx" ON "accidents"("grid_id", "occurred_at");
CREATE INDEX "accident_parties_accident_id_idx" ON "accident_parties"("accident_id");

ALTER TABLE "violations" ADD CONSTRAINT "violations_type_key_fkey" FOREIGN KEY ("type_key") REFERENCES "violation_types"("key") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "violations" ADD CONSTRAINT "violations_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "operations"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "accident_parties" ADD CONSTRAINT "accident_parties_accident_id_fkey" FOREIGN KEY ("accident_id") REFERENCES "accidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;
