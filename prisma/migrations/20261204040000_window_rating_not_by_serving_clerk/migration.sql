-- Issue 13: a clerk does not rate their own transaction. lib/window/evaluate-transaction.ts
-- refuses it (403 window.e.ownRating) except at the counter right after completion, when the
-- clerk's screen takes the citizen's keys; the database refuses it too, so no other path (an
-- import, a script, a future route) can record such a rating.
--
-- The rating now names the signed-in person who recorded it (null: a rating pad's API token,
-- an import, the demo data). A trigger, not a CHECK, because the rule needs the transaction's
-- serving clerk and completion time (another table): when the recorder is the transaction's
-- clerk, the rating must be recorded (both its evaluated_at and the clock) within the counter
-- moment after completion: `trafficops.rating_at_counter_minutes` (a database setting the
-- owner may change with ALTER DATABASE … SET; 5 minutes when unset, as the app's
-- WINDOW_RATING_AT_COUNTER_MINUTES default). Rows rated before this migration are left as
-- they are; an update that changes neither the recorder nor the clerk is not re-checked.
ALTER TABLE window_evaluations ADD COLUMN evaluated_by_id UUID;

CREATE FUNCTION window_evaluation_not_by_serving_clerk() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  t RECORD;
  bound INTERVAL := make_interval(mins => COALESCE(NULLIF(current_setting('trafficops.rating_at_counter_minutes', true), '')::int, 5));
BEGIN
  IF NEW.evaluated_by_id IS NULL THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.evaluated_by_id IS NOT DISTINCT FROM OLD.evaluated_by_id
     AND NEW.clerk_id IS NOT DISTINCT FROM OLD.clerk_id AND NEW.transaction_id = OLD.transaction_id THEN
    RETURN NEW;
  END IF;
  SELECT clerk_id, completed_at INTO t FROM window_transactions WHERE id = NEW.transaction_id;
  IF (NEW.evaluated_by_id = t.clerk_id OR NEW.evaluated_by_id = NEW.clerk_id)
     AND (t.completed_at IS NULL OR GREATEST(NEW.evaluated_at, statement_timestamp()) > t.completed_at + bound) THEN
    RAISE EXCEPTION 'window_evaluations_not_by_serving_clerk: the serving clerk may not rate their own transaction after the counter moment'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'window_evaluations_not_by_serving_clerk',
            TABLE = 'window_evaluations', COLUMN = 'evaluated_by_id';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER window_evaluations_not_by_serving_clerk
  BEFORE INSERT OR UPDATE ON window_evaluations
  FOR EACH ROW EXECUTE FUNCTION window_evaluation_not_by_serving_clerk();
