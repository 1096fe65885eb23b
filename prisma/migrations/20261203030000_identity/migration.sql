-- Identity and sessions (issue 13): forced password change, TOTP second factor with
-- recovery codes, server-side sessions (sign-out ends the copied cookie too), sign-in
-- limits shared by every app instance, API tokens that always expire.

-- The account lock moves to auth_rate_limits (per account, per account and address,
-- per address); a lock no longer ends open sessions.
ALTER TABLE "users" DROP COLUMN "failed_login_count";
ALTER TABLE "users" DROP COLUMN "locked_until";
ALTER TABLE "users" ADD COLUMN "must_change_password" BOOLEAN NOT NULL DEFAULT false;
-- TOTP (RFC 6238): the secret is stored encrypted (AES-256-GCM, key derived from the auth
-- secret, lib/auth/secret-box.ts); the last accepted time step refuses a replayed code.
ALTER TABLE "users" ADD COLUMN "totp_secret" TEXT;
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3);
ALTER TABLE "users" ADD COLUMN "totp_last_step" BIGINT;

-- One-time recovery codes: only their sha256 is stored (80 random bits each).
CREATE TABLE "user_recovery_codes" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "user_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "user_recovery_codes_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "user_recovery_codes_user_id_idx" ON "user_recovery_codes"("user_id");
ALTER TABLE "user_recovery_codes" ADD CONSTRAINT "user_recovery_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row per sign-in; the session cookie names it. Signing out sets ended_at, so a copy
-- of the cookie stops working; rows older than the 12-hour session limit are pruned.
CREATE TABLE "auth_sessions" (
    "id" UUID NOT NULL DEFAULT uuid7(),
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "auth_sessions_user_id_idx" ON "auth_sessions"("user_id");
CREATE INDEX "auth_sessions_created_at_idx" ON "auth_sessions"("created_at");
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- rate-limiter-flexible's PostgreSQL store (RateLimiterPostgres with tableCreated: true,
-- so the app never creates tables itself). Columns and their order are the library's:
-- it inserts positionally. expire is epoch milliseconds.
CREATE TABLE "auth_rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,
    CONSTRAINT "auth_rate_limits_pkey" PRIMARY KEY ("key")
);

-- API tokens always expire: existing tokens without an expiry get the maximum lifetime.
UPDATE "api_tokens" SET "expires_at" = "created_at" + interval '365 days' WHERE "expires_at" IS NULL;
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" SET NOT NULL;
