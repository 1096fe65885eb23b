-- Vehicle-administration window (prisma/schema/window.prisma): catalogue, halls, windows,
-- hours, queue tickets, transactions, evaluations, complaints, outreach trips, service
-- points, day closings. Fact tables carry unit_id, unit_path (COLLATE "C") and brigade_id
-- and have no foreign key to units or users (see the records migration).

CREATE TABLE "window_businesses" (
    "key" TEXT NOT NULL,
    "category_key" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "ticket_letter" TEXT NOT NULL,
    "expected_minutes" INTEGER NOT NULL DEFAULT 10,
    "fee_yuan" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "window_businesses_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "window_businesses_key_check" CHECK ("key" ~ '^[a-z][a-z0-9_]*$'),
    -- The eleven categories the annual report counts (../shared/data/report-zhenyuan-2019.json).
    CONSTRAINT "window_businesses_category_check" CHECK ("category_key" IN (
        'new_registration_car', 'new_registration_motorcycle', 'licence_review',
        'plate_reissue_vehicle_licence_renewal', 'motorcycle_licence_issued',
        'inspection_exemption_and_motorcycle_inspection', 'c1_c2_licence_issued', 'licence_replacement',
        'full_score_study_cancel_restore_transfer_probation',
        'vehicle_deregistration_change_mortgage_tempplate_correction', 'other')),
    CONSTRAINT "window_businesses_letter_check" CHECK ("ticket_letter" ~ '^[A-Z]$'),
    CONSTRAINT "window_businesses_numbers_check" CHECK ("expected_minutes" BETWEEN 1 AND 480 AND "fee_yuan" >= 0)
);

CREATE TABLE "window_halls" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "code" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "address" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "window_halls_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "window_halls_code_check" CHECK ("code" ~ '^[A-Za-z0-9_-]{1,40}$')
);

CREATE TABLE "window_hall_hours" (
    "hall_id" UUID NOT NULL,
    "weekday" INTEGER NOT NULL,
    "opens_min" INTEGER NOT NULL,
    "closes_min" INTEGER NOT NULL,
    CONSTRAINT "window_hall_hours_pkey" PRIMARY KEY ("hall_id", "weekday"),
    CONSTRAINT "window_hall_hours_check" CHECK ("weekday" BETWEEN 1 AND 7 AND "opens_min" >= 0 AND "closes_min" > "opens_min" AND "closes_min" <= 1440)
);

CREATE TABLE "window_counters" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "hall_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT,
    "letters" TEXT[] NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "window_counters_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "window_counters_number_check" CHECK ("number" BETWEEN 1 AND 99)
);

CREATE TABLE "window_ticket_sequences" (
    "hall_id" UUID NOT NULL,
    "service_day" DATE NOT NULL,
    "letter" TEXT NOT NULL,
    "last_seq" INTEGER NOT NULL,
    CONSTRAINT "window_ticket_sequences_pkey" PRIMARY KEY ("hall_id", "service_day", "letter")
);

CREATE TABLE "window_tickets" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "hall_id" UUID NOT NULL,
    "business_key" TEXT NOT NULL,
    "letter" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "service_day" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "appointment" BOOLEAN NOT NULL DEFAULT false,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "called_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "no_show_at" TIMESTAMPTZ(3),
    "call_count" INTEGER NOT NULL DEFAULT 0,
    "counter_id" UUID,
    "called_by_id" UUID,
    "issued_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "window_tickets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "window_tickets_status_check" CHECK ("status" IN ('waiting', 'called', 'done', 'no_show')),
    CONSTRAINT "window_tickets_number_check" CHECK ("seq" > 0 AND "number" = "letter" || CASE WHEN "seq" < 1000 THEN lpad("seq"::text, 3, '0') ELSE "seq"::text END),
    CONSTRAINT "window_tickets_called_check" CHECK ("status" NOT IN ('called', 'done') OR "called_at" IS NOT NULL),
    CONSTRAINT "window_tickets_done_check" CHECK (("status" = 'done') = ("completed_at" IS NOT NULL))
);

CREATE TABLE "window_outreach_trips" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "trip_date" DATE NOT NULL,
    "township" TEXT NOT NULL,
    "venue" TEXT,
    "exam_sessions" INTEGER NOT NULL DEFAULT 0,
    "candidates" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER,
    "notes" TEXT,
    "external_ref" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "window_outreach_trips_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "window_outreach_trips_counts_check" CHECK ("exam_sessions" >= 0 AND "candidates" >= 0 AND ("passed" IS NULL OR "passed" BETWEEN 0 AND "candidates"))
);

CREATE TABLE "window_service_points" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "township" TEXT,
    "village" TEXT NOT NULL,
    "partner" TEXT,
    "address" TEXT,
    "lat" DOUBLE PRECISION,
    "lng" DOUBLE PRECISION,
    "phone" TEXT,
    "opened_on" DATE,
    "closed_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "window_service_points_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "window_service_points_location_check" CHECK (("lat" IS NULL) = ("lng" IS NULL) AND ("lat" IS NULL OR ("lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180))),
    CONSTRAINT "window_service_points_period_check" CHECK ("closed_on" IS NULL OR "opened_on" IS NULL OR "closed_on" >= "opened_on")
);

CREATE TABLE "window_transactions" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "hall_id" UUID,
    "counter_id" UUID,
    "ticket_id" UUID,
    "business_key" TEXT NOT NULL,
    "category_key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "clerk_id" UUID,
    "recorded_by_token_id" UUID,
    "applicant_name" TEXT NOT NULL,
    "applicant_id_number" TEXT NOT NULL,
    "plate" TEXT,
    "licence_number" TEXT,
    "fee_yuan" INTEGER NOT NULL DEFAULT 0,
    "payment" TEXT NOT NULL DEFAULT 'none',
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,
    "result" TEXT NOT NULL,
    "missing_documents" TEXT,
    "tolerated" BOOLEAN NOT NULL DEFAULT false,
    "follow_up_due" DATE,
    "follow_up_done_at" TIMESTAMPTZ(3),
    "refusal_reason" TEXT,
    "after_hours" BOOLEAN NOT NULL DEFAULT false,
    "difficult" BOOLEAN NOT NULL DEFAULT false,
    "difficult_resolved" BOOLEAN NOT NULL DEFAULT false,
    "difficult_resolution" TEXT,
    "outreach_trip_id" UUID,
    "service_point_id" UUID,
    "external_ref" TEXT,
    "content_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "window_transactions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "window_transactions_channel_check" CHECK ("channel" IN ('hall', 'outreach', 'police_station', 'service_point', 'online')),
    CONSTRAINT "window_transactions_payment_check" CHECK ("payment" IN ('pos', 'epay', 'cash', 'none')),
    CONSTRAINT "window_transactions_result_check" CHECK ("result" IN ('done', 'returned', 'refused')),
    CONSTRAINT "window_transactions_times_check" CHECK ("completed_at" >= "started_at"),
    CONSTRAINT "window_transactions_fee_check" CHECK ("fee_yuan" >= 0 AND ("fee_yuan" = 0 OR "payment" <> 'none')),
    -- Where it was done matches the channel.
    CONSTRAINT "window_transactions_place_check" CHECK (
        ("channel" <> 'hall' OR "hall_id" IS NOT NULL)
        AND (("channel" = 'outreach') = ("outreach_trip_id" IS NOT NULL))
        AND (("channel" = 'service_point') = ("service_point_id" IS NOT NULL))),
    -- Returned for documents, or accepted with a document missing (容缺): what is missing and by when.
    CONSTRAINT "window_transactions_follow_up_check" CHECK (
        ("result" <> 'returned' AND NOT "tolerated") OR ("missing_documents" IS NOT NULL AND "follow_up_due" IS NOT NULL)),
    CONSTRAINT "window_transactions_tolerated_check" CHECK (NOT "tolerated" OR "result" = 'done'),
    CONSTRAINT "window_transactions_difficult_check" CHECK (NOT "difficult_resolved" OR ("difficult" AND "difficult_resolution" IS NOT NULL))
);

CREATE TABLE "window_evaluations" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "transaction_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "clerk_id" UUID,
    "business_key" TEXT NOT NULL,
    "rating" TEXT NOT NULL,
    "comment" TEXT,
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "window_evaluations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "window_evaluations_rating_check" CHECK ("rating" IN ('satisfied', 'basic', 'dissatisfied'))
);

CREATE TABLE "window_complaints" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "transaction_id" UUID,
    "evaluation_id" UUID,
    "clerk_id" UUID,
    "source" TEXT NOT NULL,
    "summary" TEXT,
    "owner_id" UUID,
    "due_date" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "closing_note" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "window_complaints_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "window_complaints_source_check" CHECK ("source" IN ('evaluation', 'phone', 'letter', 'other')),
    CONSTRAINT "window_complaints_status_check" CHECK ("status" IN ('open', 'closed')),
    -- A closed complaint says how and when it was closed.
    CONSTRAINT "window_complaints_closed_check" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL) AND ("status" = 'open' OR "closing_note" IS NOT NULL))
);

CREATE TABLE "window_day_closings" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "clerk_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "totals" JSONB NOT NULL,
    "note" TEXT,
    "closed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "window_day_closings_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "window_halls_code_key" ON "window_halls"("code");
CREATE INDEX "window_halls_unit_path_idx" ON "window_halls"("unit_path");
CREATE UNIQUE INDEX "window_counters_hall_id_number_key" ON "window_counters"("hall_id", "number");
CREATE UNIQUE INDEX "window_tickets_hall_id_service_day_letter_seq_key" ON "window_tickets"("hall_id", "service_day", "letter", "seq");
CREATE INDEX "window_tickets_unit_path_issued_at_idx" ON "window_tickets"("unit_path", "issued_at");
CREATE INDEX "window_tickets_hall_id_service_day_status_idx" ON "window_tickets"("hall_id", "service_day", "status");
CREATE UNIQUE INDEX "window_transactions_unit_id_external_ref_key" ON "window_transactions"("unit_id", "external_ref");
CREATE INDEX "window_transactions_unit_path_completed_at_idx" ON "window_transactions"("unit_path", "completed_at");
CREATE INDEX "window_transactions_brigade_id_completed_at_idx" ON "window_transactions"("brigade_id", "completed_at");
CREATE INDEX "window_transactions_clerk_id_completed_at_idx" ON "window_transactions"("clerk_id", "completed_at");
CREATE INDEX "window_transactions_ticket_id_idx" ON "window_transactions"("ticket_id");
CREATE INDEX "window_transactions_outreach_trip_id_idx" ON "window_transactions"("outreach_trip_id");
CREATE INDEX "window_transactions_service_point_id_idx" ON "window_transactions"("service_point_id");
CREATE INDEX "window_transactions_applicant_id_number_idx" ON "window_transactions"("applicant_id_number");
CREATE UNIQUE INDEX "window_evaluations_transaction_id_key" ON "window_evaluations"("transaction_id");
CREATE INDEX "window_evaluations_unit_path_evaluated_at_idx" ON "window_evaluations"("unit_path", "evaluated_at");
CREATE UNIQUE INDEX "window_complaints_evaluation_id_key" ON "window_complaints"("evaluation_id");
CREATE INDEX "window_complaints_unit_path_opened_at_idx" ON "window_complaints"("unit_path", "opened_at");
CREATE INDEX "window_complaints_status_due_date_idx" ON "window_complaints"("status", "due_date");
CREATE UNIQUE INDEX "window_outreach_trips_unit_id_external_ref_key" ON "window_outreach_trips"("unit_id", "external_ref");
CREATE INDEX "window_outreach_trips_unit_path_trip_date_idx" ON "window_outreach_trips"("unit_path", "trip_date");
CREATE UNIQUE INDEX "window_service_points_unit_id_name_key" ON "window_service_points"("unit_id", "name");
CREATE INDEX "window_service_points_unit_path_idx" ON "window_service_points"("unit_path");
CREATE UNIQUE INDEX "window_day_closings_clerk_id_day_key" ON "window_day_closings"("clerk_id", "day");
CREATE INDEX "window_day_closings_unit_path_day_idx" ON "window_day_closings"("unit_path", "day");

ALTER TABLE "window_hall_hours" ADD CONSTRAINT "window_hall_hours_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "window_halls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "window_counters" ADD CONSTRAINT "window_counters_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "window_halls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "window_ticket_sequences" ADD CONSTRAINT "window_ticket_sequences_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "window_halls"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "window_tickets" ADD CONSTRAINT "window_tickets_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "window_halls"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "window_tickets" ADD CONSTRAINT "window_tickets_business_key_fkey" FOREIGN KEY ("business_key") REFERENCES "window_businesses"("key") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "window_tickets" ADD CONSTRAINT "window_tickets_counter_id_fkey" FOREIGN KEY ("counter_id") REFERENCES "window_counters"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "window_transactions" ADD CONSTRAINT "window_transactions_business_key_fkey" FOREIGN KEY ("business_key") REFERENCES "window_businesses"("key") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "window_transactions" ADD CONSTRAINT "window_transactions_hall_id_fkey" FOREIGN KEY ("hall_id") REFERENCES "window_halls"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "window_transactions" ADD CONSTRAINT "window_transactions_counter_id_fkey" FOREIGN KEY ("counter_id") REFERENCES "window_counters"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "window_transactions" ADD CONSTRAINT "window_transactions_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "window_tickets"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "window_transactions" ADD CONSTRAINT "window_transactions_outreach_trip_id_fkey" FOREIGN KEY ("outreach_trip_id") REFERENCES "window_outreach_trips"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "window_transactions" ADD CONSTRAINT "window_transactions_service_point_id_fkey" FOREIGN KEY ("service_point_id") REFERENCES "window_service_points"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "window_evaluations" ADD CONSTRAINT "window_evaluations_transaction_id_fkey" FOREIGN KEY ("transaction_id") REFERENCES "window_transactions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "window_complaints" ADD CONSTRAINT "window_complaints_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "window_evaluations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- 三不下班: a transaction completed outside its hall's opening hours (after closing,
-- before opening, or on a day the hall is closed) is flagged after_hours. One definition,
-- in the database, for the API, the clerk screen and bulk imports alike; the hours in
-- force when the row is written decide (a later change of hours does not rewrite history).
-- Transactions without a hall (outreach trips, service points, online) are never flagged.
CREATE FUNCTION window_is_after_hours(p_hall uuid, p_at timestamptz) RETURNS boolean AS $$
  SELECT CASE WHEN p_hall IS NULL OR p_at IS NULL THEN false ELSE
    COALESCE((
      SELECT extract(epoch FROM (p_at AT TIME ZONE 'Asia/Shanghai')::time) > h.closes_min * 60
          OR extract(epoch FROM (p_at AT TIME ZONE 'Asia/Shanghai')::time) < h.opens_min * 60
        FROM window_hall_hours h
       WHERE h.hall_id = p_hall
         AND h.weekday = extract(isodow FROM p_at AT TIME ZONE 'Asia/Shanghai')::int
    ), true)
  END
$$ LANGUAGE sql STABLE;

CREATE FUNCTION window_transactions_set_after_hours() RETURNS trigger AS $$
BEGIN
  NEW.after_hours := window_is_after_hours(NEW.hall_id, NEW.completed_at);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER window_transactions_after_hours
  BEFORE INSERT OR UPDATE OF hall_id, completed_at ON "window_transactions"
  FOR EACH ROW EXECUTE FUNCTION window_transactions_set_after_hours();
