-- Foundation: units, profiles, users, audit, API tokens, idempotency keys.
-- Written by hand to match prisma/schema/core.prisma (tests/db/schema-match.test.ts checks it).

-- Time-ordered uuids (v7) on any PostgreSQL >= 13, so inserts land at the right edge of
-- the primary-key index. Plain SQL so the planner can inline it.
CREATE OR REPLACE FUNCTION uuid7() RETURNS uuid AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$ LANGUAGE sql VOLATILE;

-- CreateEnum
CREATE TYPE "unit_kind" AS ENUM ('PROVINCE', 'DETACHMENT', 'BRIGADE', 'SQUAD');
CREATE TYPE "squad_kind" AS ENUM ('URBAN', 'RURAL', 'HIGHWAY');
CREATE TYPE "role" AS ENUM ('ADMIN', 'COMMANDER', 'DUTY_OFFICER', 'CLERK', 'OFFICER', 'AUXILIARY', 'LEGAL');

-- CreateTable
-- path is COLLATE "C" so that a plain btree index serves "path LIKE '/520000/%'" (scope filters).
CREATE TABLE "units" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "code" TEXT NOT NULL,
    "parent_id" UUID,
    "path" TEXT COLLATE "C" NOT NULL,
    "depth" INTEGER NOT NULL,
    "kind" "unit_kind" NOT NULL,
    "squad_kind" "squad_kind",
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "outline" JSONB,
    "bbox" DOUBLE PRECISION[] NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "units_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "units_code_check" CHECK ("code" ~ '^[0-9A-Za-z_-]+$'),
    CONSTRAINT "units_path_check" CHECK ("path" ~ '^(/[0-9A-Za-z_-]+)+/$')
);

CREATE TABLE "unit_profiles" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "unit_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "population" INTEGER,
    "road_km" DOUBLE PRECISION,
    "vehicles" INTEGER,
    "drivers" INTEGER,
    "police" INTEGER,
    "auxiliaries" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "unit_profiles_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "badge_number" TEXT,
    "phone" TEXT,
    "role" "role" NOT NULL,
    "unit_id" UUID NOT NULL,
    "password_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "session_version" INTEGER NOT NULL DEFAULT 1,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "users_username_lower_check" CHECK ("username" = lower("username"))
);

CREATE TABLE "audit_logs" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_user_id" UUID,
    "actor_token_id" UUID,
    "actor_name" TEXT NOT NULL,
    "actor_role" TEXT NOT NULL,
    "unit_id" UUID,
    "unit_path" TEXT COLLATE "C",
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "request_id" TEXT,
    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "name" TEXT NOT NULL,
    "unit_id" UUID NOT NULL,
    "permissions" TEXT[] NOT NULL DEFAULT '{}',
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "idempotency_keys" (
    "actor_key" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "result_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("actor_key", "key")
);

-- CreateIndex
CREATE UNIQUE INDEX "units_code_key" ON "units"("code");
CREATE UNIQUE INDEX "units_path_key" ON "units"("path");
CREATE INDEX "units_parent_id_idx" ON "units"("parent_id");
CREATE UNIQUE INDEX "unit_profiles_unit_id_year_key" ON "unit_profiles"("unit_id", "year");
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");
CREATE UNIQUE INDEX "users_badge_number_key" ON "users"("badge_number");
CREATE INDEX "users_unit_id_idx" ON "users"("unit_id");
CREATE INDEX "audit_logs_unit_path_at_idx" ON "audit_logs"("unit_path", "at");
CREATE INDEX "audit_logs_entity_entity_id_idx" ON "audit_logs"("entity", "entity_id");
CREATE INDEX "audit_logs_actor_user_id_at_idx" ON "audit_logs"("actor_user_id", "at");
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- AddForeignKey
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "unit_profiles" ADD CONSTRAINT "unit_profiles_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Audit rows are evidence: nobody edits or deletes them, not even the application.
CREATE FUNCTION audit_logs_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_logs_no_update_delete BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();

-- Moving a unit rewrites the materialized path of the unit, its descendants, and every
-- fact row under it. Fact tables are found by their unit_path column, so a domain
-- added later needs no change here. audit_logs keeps the path as it was (history).
CREATE FUNCTION repath_units(old_prefix text, new_prefix text, new_brigade uuid) RETURNS void AS $$
DECLARE
  t record;
  depth_delta int := (length(new_prefix) - length(replace(new_prefix, '/', '')))
                   - (length(old_prefix) - length(replace(old_prefix, '/', '')));
BEGIN
  UPDATE units
     SET path = new_prefix || substr(path, length(old_prefix) + 1),
         depth = depth + depth_delta,
         updated_at = now()
   WHERE path LIKE old_prefix || '%';
  FOR t IN
    SELECT c.relname
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'unit_path' AND NOT a.attisdropped
     WHERE n.nspname = current_schema()
       AND c.relkind IN ('r', 'p')
       AND NOT c.relispartition
       AND c.relname <> 'audit_logs'
  LOOP
    EXECUTE format('UPDATE %I SET unit_path = $2 || substr(unit_path, length($1) + 1) WHERE unit_path LIKE $1 || ''%%''', t.relname)
      USING old_prefix, new_prefix;
    IF new_brigade IS NOT NULL AND EXISTS (
      SELECT 1 FROM pg_attribute a2
       WHERE a2.attrelid = format('%I', t.relname)::regclass AND a2.attname = 'brigade_id' AND NOT a2.attisdropped
    ) THEN
      EXECUTE format('UPDATE %I SET brigade_id = $2 WHERE unit_path LIKE $1 || ''%%''', t.relname)
        USING new_prefix, new_brigade;
    END IF;
  END LOOP;
END;
$$ LANGUAGE plpgsql;
