-- Scheduled jobs catch up (lib/jobs/scheduler.ts): periods that passed while no instance
-- could run them (every instance or the database down) are not run one by one afterwards;
-- the first run after the gap stands for them and says so here: the start of the earliest
-- period it covers (NULL: it covers only its own period). So every period is either run
-- or covered by exactly one later run.
ALTER TABLE "job_runs" ADD COLUMN "covers_from" TIMESTAMPTZ(3);
