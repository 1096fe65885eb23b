-- Records domain, second part (prisma/schema/records.prisma, enforcement.prisma,
-- keyvehicles.prisma): catalogue licence/detention defaults, notes, appeals, hazards,
-- transport enterprises, key vehicles and drivers, supervision findings and actions.
-- Core columns of the first records migration are left as they are (grid duty and stats
-- depend on them). New tables carry unit_id, unit_path (COLLATE "C") and brigade_id like
-- the fact tables, so scope filters and repath_units() treat them the same way.

-- Catalogue: what happens to the licence, and the longest detention a type allows.
ALTER TABLE "violation_types"
    ADD COLUMN "licence_action" TEXT NOT NULL DEFAULT 'none',
    ADD COLUMN "max_detention_days" INTEGER NOT NULL DEFAULT 0,
    ADD CONSTRAINT "violation_types_licence_action_check" CHECK ("licence_action" IN ('none', 'seize', 'revoke')),
    ADD CONSTRAINT "violation_types_detention_check" CHECK ("max_detention_days" BETWEEN 0 AND 20),
    ADD CONSTRAINT "violation_types_names_check" CHECK (length(btrim("name_zh")) > 0 AND length(btrim("name_en")) > 0);

ALTER TABLE "violations" ADD COLUMN "notes" TEXT;
ALTER TABLE "accidents" ADD COLUMN "notes" TEXT;
-- Replays of an operation by externalRef are compared by content, as for violations.
ALTER TABLE "operations" ADD COLUMN "content_hash" TEXT;

-- Enumerations the API documents, enforced where the data lives (imports bypass the ORM).
ALTER TABLE "violations"
    ADD CONSTRAINT "violations_plate_color_check" CHECK ("plate_color" IS NULL OR "plate_color" IN ('blue', 'yellow', 'green', 'yellow_green', 'white', 'black')),
    ADD CONSTRAINT "violations_vehicle_type_check" CHECK ("vehicle_type" IS NULL OR "vehicle_type" IN (
        'small_car', 'medium_bus', 'large_bus', 'coach', 'tour_bus', 'school_bus', 'light_truck', 'heavy_truck',
        'hazmat_truck', 'muck_truck', 'concrete_mixer', 'rural_van', 'motorcycle', 'tricycle', 'e_bike',
        'low_speed_vehicle', 'other'));

CREATE TABLE "appeals" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "violation_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "appellant" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'in_person',
    "filed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "filed_by_id" UUID,
    "filed_by_token_id" UUID,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "prior_status" TEXT NOT NULL,
    "decision_note" TEXT,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "appeals_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "appeals_channel_check" CHECK ("channel" IN ('in_person', 'phone', 'written', 'online')),
    CONSTRAINT "appeals_status_check" CHECK ("status" IN ('pending', 'upheld', 'revoked')),
    -- A decided appeal has a decision time; a revoked violation always has a reason on file.
    CONSTRAINT "appeals_decision_check" CHECK (("status" = 'pending') = ("decided_at" IS NULL) AND ("status" <> 'revoked' OR "decision_note" IS NOT NULL)),
    CONSTRAINT "appeals_due_check" CHECK ("due_at" > "filed_at")
);

CREATE TABLE "hazards" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "grid_id" UUID,
    "found_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "address" TEXT,
    "road_name" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "responsible_party" TEXT,
    "deadline" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closing_note" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "black_spot_cell" TEXT,
    "recorded_by_id" UUID,
    "recorded_by_token_id" UUID,
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "hazards_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "hazards_source_check" CHECK ("source" IN ('patrol', 'black_spot', 'enterprise_check', 'citizen')),
    CONSTRAINT "hazards_status_check" CHECK ("status" IN ('open', 'rectifying', 'closed')),
    -- Closed means closed with a note and a time, and only then.
    CONSTRAINT "hazards_closed_check" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL) AND ("status" <> 'closed' OR "closing_note" IS NOT NULL)),
    CONSTRAINT "hazards_location_check" CHECK (("lat" IS NULL) = ("lng" IS NULL) AND ("lat" IS NULL OR ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180)))
);

CREATE TABLE "transport_enterprises" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "credit_code" TEXT,
    "kind" TEXT NOT NULL,
    "address" TEXT,
    "contact_name" TEXT,
    "contact_phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "transport_enterprises_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "transport_enterprises_kind_check" CHECK ("kind" IN ('passenger', 'tourism', 'hazmat', 'freight', 'school', 'mixed'))
);

CREATE TABLE "key_vehicles" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "enterprise_id" UUID,
    "plate" TEXT NOT NULL,
    "plate_color" TEXT,
    "vehicle_class" TEXT NOT NULL,
    "inspection_due" DATE,
    "scrap_due" DATE,
    "status" TEXT NOT NULL DEFAULT 'active',
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "key_vehicles_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "key_vehicles_class_check" CHECK ("vehicle_class" IN ('coach', 'tour_bus', 'school_bus', 'hazmat_truck', 'heavy_truck', 'rural_van', 'muck_truck', 'concrete_mixer')),
    CONSTRAINT "key_vehicles_status_check" CHECK ("status" IN ('active', 'suspended', 'scrapped', 'deregistered'))
);

CREATE TABLE "key_drivers" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "enterprise_id" UUID,
    "name" TEXT NOT NULL,
    "id_number" TEXT NOT NULL,
    "licence_number" TEXT,
    "licence_class" TEXT,
    "licence_status" TEXT NOT NULL DEFAULT 'valid',
    "qualification_no" TEXT,
    "qualification_expires" DATE,
    "employment" TEXT NOT NULL DEFAULT 'employed',
    "dismissed_at" TIMESTAMPTZ(3),
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "key_drivers_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "key_drivers_licence_status_check" CHECK ("licence_status" IN ('valid', 'expired', 'suspended', 'revoked', 'full_score')),
    CONSTRAINT "key_drivers_employment_check" CHECK ("employment" IN ('employed', 'dismissed') AND (("employment" = 'dismissed') = ("dismissed_at" IS NOT NULL)))
);

CREATE TABLE "supervision_findings" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "enterprise_id" UUID,
    "key_vehicle_id" UUID,
    "key_driver_id" UUID,
    "kind" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'data_screening',
    "description" TEXT NOT NULL,
    "found_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closing_note" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "recorded_by_id" UUID,
    "recorded_by_token_id" UUID,
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "supervision_findings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "supervision_findings_kind_check" CHECK ("kind" IN ('overdue_inspection', 'scrap_due', 'unqualified_driver', 'repeated_violations', 'enterprise_risk', 'other')),
    CONSTRAINT "supervision_findings_origin_check" CHECK ("origin" IN ('data_screening', 'inspection', 'report')),
    CONSTRAINT "supervision_findings_status_check" CHECK ("status" IN ('open', 'controlled', 'closed')),
    CONSTRAINT "supervision_findings_closed_check" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL) AND ("status" <> 'closed' OR "closing_note" IS NOT NULL))
);

CREATE TABLE "supervision_actions" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "finding_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "recorded_by_id" UUID,
    "recorded_by_token_id" UUID,
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "supervision_actions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "supervision_actions_kind_check" CHECK ("kind" IN ('notice_letter', 'enterprise_interview', 'driver_dismissal', 'offence_prosecuted', 'inspection_enforced', 'other'))
);

CREATE UNIQUE INDEX "appeals_violation_id_key" ON "appeals"("violation_id");
CREATE INDEX "appeals_unit_path_status_due_at_idx" ON "appeals"("unit_path", "status", "due_at");
CREATE UNIQUE INDEX "hazards_unit_id_external_ref_key" ON "hazards"("unit_id", "external_ref");
CREATE INDEX "hazards_unit_path_found_at_idx" ON "hazards"("unit_path", "found_at");
CREATE INDEX "hazards_unit_path_status_idx" ON "hazards"("unit_path", "status");
CREATE UNIQUE INDEX "transport_enterprises_unit_id_name_key" ON "transport_enterprises"("unit_id", "name");
CREATE UNIQUE INDEX "transport_enterprises_unit_id_external_ref_key" ON "transport_enterprises"("unit_id", "external_ref");
CREATE INDEX "transport_enterprises_unit_path_idx" ON "transport_enterprises"("unit_path");
CREATE UNIQUE INDEX "key_vehicles_unit_id_plate_key" ON "key_vehicles"("unit_id", "plate");
CREATE UNIQUE INDEX "key_vehicles_unit_id_external_ref_key" ON "key_vehicles"("unit_id", "external_ref");
CREATE INDEX "key_vehicles_unit_path_inspection_due_idx" ON "key_vehicles"("unit_path", "inspection_due");
CREATE INDEX "key_vehicles_enterprise_id_idx" ON "key_vehicles"("enterprise_id");
CREATE UNIQUE INDEX "key_drivers_unit_id_id_number_key" ON "key_drivers"("unit_id", "id_number");
CREATE UNIQUE INDEX "key_drivers_unit_id_external_ref_key" ON "key_drivers"("unit_id", "external_ref");
CREATE INDEX "key_drivers_unit_path_idx" ON "key_drivers"("unit_path");
CREATE INDEX "key_drivers_enterprise_id_idx" ON "key_drivers"("enterprise_id");
CREATE UNIQUE INDEX "supervision_findings_unit_id_external_ref_key" ON "supervision_findings"("unit_id", "external_ref");
CREATE INDEX "supervision_findings_unit_path_found_at_idx" ON "supervision_findings"("unit_path", "found_at");
CREATE INDEX "supervision_findings_unit_path_closed_at_idx" ON "supervision_findings"("unit_path", "closed_at");
CREATE UNIQUE INDEX "supervision_actions_unit_id_external_ref_key" ON "supervision_actions"("unit_id", "external_ref");
CREATE INDEX "supervision_actions_finding_id_idx" ON "supervision_actions"("finding_id");
CREATE INDEX "supervision_actions_unit_path_taken_at_idx" ON "supervision_actions"("unit_path", "taken_at");

-- Partial unique indexes (Prisma cannot express them):
-- one open hazard per black-spot cell, so two clicks (or two commanders) never raise it twice;
CREATE UNIQUE INDEX "hazards_open_black_spot_key" ON "hazards"("black_spot_cell") WHERE "black_spot_cell" IS NOT NULL AND "status" <> 'closed';
-- data screening raises one open finding per kind and subject, however often it runs.
CREATE UNIQUE INDEX "supervision_findings_open_screening_key" ON "supervision_findings"("kind", COALESCE("key_vehicle_id", "key_driver_id", "enterprise_id"))
    WHERE "origin" = 'data_screening' AND "status" <> 'closed';
-- the appeals queue reads pending appeals by due date.
CREATE INDEX "appeals_pending_due_idx" ON "appeals"("unit_path", "due_at") WHERE "status" = 'pending';

ALTER TABLE "appeals" ADD CONSTRAINT "appeals_violation_id_fkey" FOREIGN KEY ("violation_id") REFERENCES "violations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "key_vehicles" ADD CONSTRAINT "key_vehicles_enterprise_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "transport_enterprises"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "key_drivers" ADD CONSTRAINT "key_drivers_enterprise_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "transport_enterprises"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_enterprise_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "transport_enterprises"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_key_vehicle_id_fkey" FOREIGN KEY ("key_vehicle_id") REFERENCES "key_vehicles"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "supervision_findings" ADD CONSTRAINT "supervision_findings_key_driver_id_fkey" FOREIGN KEY ("key_driver_id") REFERENCES "key_drivers"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "supervision_actions" ADD CONSTRAINT "supervision_actions_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "supervision_findings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
