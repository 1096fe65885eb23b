-- Scheduled work (lib/jobs/scheduler.ts, prisma/schema/jobs.prisma): one row per job and
-- period. An instance runs a job's period only while it holds the job's advisory lock and
-- no row says the period is done, so N app instances run each period exactly once.
CREATE TABLE "job_runs" (
    "job" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "result" JSONB,
    "error" TEXT,
    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("job", "period_start"),
    -- Prisma cannot express CHECK constraints.
    CONSTRAINT "job_runs_status_check" CHECK ("status" IN ('running', 'done', 'failed'))
);
