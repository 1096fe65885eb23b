-- Index review (issue 14; docs/performance.md#indexes): every index on the fact tables
-- checked with EXPLAIN (ANALYZE, BUFFERS) against the queries that read them, on the demo data.
--
-- 1. Indexes on columns that are NULL for most rows become partial (WHERE col IS NOT NULL).
--    Every query that uses them compares the column with a value (`col = $1`, which implies
--    IS NOT NULL), so the same plans are chosen; a row with NULL there (most imported and
--    camera records: no beat, no incident, no recorder, often no grid or plate) no longer
--    writes an index entry. The record chain's beat and incident are NULL on 99.6 % and
--    100 % of the demo's 214,437 violations, the recorder on all of them, the grid on 40 %.
--    Prisma's schema cannot express a partial index; these live in SQL only (like
--    incidents_open_idx), and prisma/schema/records.prisma and window.prisma say so.
DROP INDEX "violations_beat_id_idx";
CREATE INDEX "violations_beat_id_idx" ON "violations"("beat_id") WHERE "beat_id" IS NOT NULL;
DROP INDEX "violations_incident_id_idx";
CREATE INDEX "violations_incident_id_idx" ON "violations"("incident_id") WHERE "incident_id" IS NOT NULL;
DROP INDEX "violations_recorded_by_id_occurred_at_idx";
CREATE INDEX "violations_recorded_by_id_occurred_at_idx" ON "violations"("recorded_by_id", "occurred_at") WHERE "recorded_by_id" IS NOT NULL;
DROP INDEX "violations_grid_id_occurred_at_idx";
CREATE INDEX "violations_grid_id_occurred_at_idx" ON "violations"("grid_id", "occurred_at") WHERE "grid_id" IS NOT NULL;
DROP INDEX "violations_plate_idx";
CREATE INDEX "violations_plate_idx" ON "violations"("plate") WHERE "plate" IS NOT NULL;

DROP INDEX "accidents_beat_id_idx";
CREATE INDEX "accidents_beat_id_idx" ON "accidents"("beat_id") WHERE "beat_id" IS NOT NULL;
DROP INDEX "accidents_incident_id_idx";
CREATE INDEX "accidents_incident_id_idx" ON "accidents"("incident_id") WHERE "incident_id" IS NOT NULL;
DROP INDEX "accidents_recorded_by_id_occurred_at_idx";
CREATE INDEX "accidents_recorded_by_id_occurred_at_idx" ON "accidents"("recorded_by_id", "occurred_at") WHERE "recorded_by_id" IS NOT NULL;
DROP INDEX "accidents_grid_id_occurred_at_idx";
CREATE INDEX "accidents_grid_id_occurred_at_idx" ON "accidents"("grid_id", "occurred_at") WHERE "grid_id" IS NOT NULL;

-- window_transactions' foreign keys to tickets, outreach trips and service points: each
-- row has at most one of them (hall, trip or service point); the index serves the
-- foreign key's check when a parent is deleted and the lookups by parent.
DROP INDEX "window_transactions_ticket_id_idx";
CREATE INDEX "window_transactions_ticket_id_idx" ON "window_transactions"("ticket_id") WHERE "ticket_id" IS NOT NULL;
DROP INDEX "window_transactions_outreach_trip_id_idx";
CREATE INDEX "window_transactions_outreach_trip_id_idx" ON "window_transactions"("outreach_trip_id") WHERE "outreach_trip_id" IS NOT NULL;
DROP INDEX "window_transactions_service_point_id_idx";
CREATE INDEX "window_transactions_service_point_id_idx" ON "window_transactions"("service_point_id") WHERE "service_point_id" IS NOT NULL;

-- 2. Dropped: no query reads them, every window transaction paid for them.
--  - (applicant_id_number): the list's search ORs the exact ID number with a substring of
--    the plate (never indexable, so the whole OR is a scan of the scope), and the clerk's
--    recent applicants match the ID number's end (`LIKE '%1234'`).
--  - (brigade_id, completed_at): no query filters window transactions by brigade; scope
--    filters are unit_path prefixes (window_transactions_unit_path_completed_at_idx).
DROP INDEX "window_transactions_applicant_id_number_idx";
DROP INDEX "window_transactions_brigade_id_completed_at_idx";
