-- The field app (issue 11): evidence photos stored beside their records, and arrivals at
-- must-reach points checked in from a phone. Written by hand; tests/db/schema-match.test.ts
-- checks it against prisma/schema/field.prisma.

-- Photos live in PostgreSQL (no local files: any app instance serves any photo, and a
-- backup of the database is a backup of the evidence). A record has at most four (checked
-- by the writer under the record's lock); the same bytes twice on one record are one photo,
-- so a phone resending an upload whose answer it never got stores nothing new.
-- No foreign key to the record: facts may later be distributed by brigade, and a photo
-- carries its record's unit path so a read is scoped like the record itself.
CREATE TABLE "record_photos" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "record_kind" TEXT NOT NULL,
    "record_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "content_type" TEXT NOT NULL,
    "byte_size" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "taken_at" TIMESTAMPTZ(3),
    "uploaded_by_id" UUID,
    "uploaded_by_token_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "record_photos_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "record_photos_kind_check" CHECK ("record_kind" IN ('violation', 'accident', 'hazard')),
    CONSTRAINT "record_photos_type_check" CHECK ("content_type" IN ('image/jpeg', 'image/png', 'image/webp')),
    -- The same limits as lib/field/photo-rules.ts, so nothing bigger gets in another way.
    CONSTRAINT "record_photos_size_check" CHECK ("byte_size" > 0 AND "byte_size" <= 8388608 AND octet_length("data") = "byte_size"),
    CONSTRAINT "record_photos_pixels_check" CHECK ("width" BETWEEN 1 AND 8000 AND "height" BETWEEN 1 AND 8000),
    CONSTRAINT "record_photos_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "record_photos_record_kind_record_id_sha256_key" ON "record_photos"("record_kind", "record_id", "sha256");
CREATE INDEX "record_photos_unit_path_created_at_idx" ON "record_photos"("unit_path", "created_at");

-- An officer's arrival at a must-reach point of their beat, from the phone: automatically
-- when a fix falls within the point's radius during its window, or by a tap (with the fix).
-- One per person, beat and point (the first counts; a resend changes nothing). Plan vs
-- actual counts it beside the dwell found in the track.
CREATE TABLE "point_check_ins" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "beat_id" UUID NOT NULL,
    "point_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "unit_path" TEXT COLLATE "C" NOT NULL,
    "brigade_id" UUID NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "accuracy_m" DOUBLE PRECISION,
    "method" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "point_check_ins_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "point_check_ins_method_check" CHECK ("method" IN ('auto', 'tap')),
    CONSTRAINT "point_check_ins_beat_id_fkey" FOREIGN KEY ("beat_id") REFERENCES "beats"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "point_check_ins_point_id_fkey" FOREIGN KEY ("point_id") REFERENCES "must_reach_points"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "point_check_ins_beat_id_point_id_user_id_key" ON "point_check_ins"("beat_id", "point_id", "user_id");
CREATE INDEX "point_check_ins_unit_path_occurred_at_idx" ON "point_check_ins"("unit_path", "occurred_at");
