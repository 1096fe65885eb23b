-- Issue 14 (bench:import): jsonb_add, which the rollup triggers call twice for every daily
-- rollup row an insert touches (by_type, by_source), as a loop over the added map's keys
-- instead of a SQL function that unnests, groups and re-aggregates both maps on every call.
-- Same results (per key: the sum; keys summing to 0 dropped; NULL reads as '{}'), checked on
-- 20,000 pairs of maps both ways round and against NULL and '{}'; 12 µs a call instead of 22
-- here, ~17 ms of a 20,000-row import batch's trigger (120 ms). jsonb_sum (its aggregate)
-- keeps using it by name.
CREATE OR REPLACE FUNCTION jsonb_add(a jsonb, b jsonb) RETURNS jsonb AS $$
DECLARE
  r jsonb := coalesce(a, '{}');
  k text;
  v text;
  s numeric;
BEGIN
  IF b IS NOT NULL THEN
    FOR k, v IN SELECT key, value FROM jsonb_each_text(b) LOOP
      s := coalesce((r ->> k)::bigint, 0) + v::bigint;
      IF s = 0 THEN
        r := r - k;
      ELSE
        r := jsonb_set(r, ARRAY[k], to_jsonb(s));
      END IF;
    END LOOP;
  END IF;
  -- A zero already in `a` (never stored by the rollups, but the old function dropped it too).
  IF jsonb_path_exists(r, '$.* ? (@ == 0)') THEN
    r := (SELECT coalesce(jsonb_object_agg(key, value), '{}') FROM jsonb_each(r) WHERE value <> '0'::jsonb);
  END IF;
  RETURN r;
END;
$$ LANGUAGE plpgsql IMMUTABLE;
