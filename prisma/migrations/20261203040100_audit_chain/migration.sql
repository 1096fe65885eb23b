-- Tamper-evident audit (issue 13): every audit row carries the hash of the previous row's
-- hash and its own content. Chains are per unit (the row's unit_id; rows without a unit,
-- such as sign-in attempts with an unknown name, share the unit "-"), and each unit has up
-- to 8 lanes ("<unit>#0" … "<unit>#7"), each lane its own chain: a chain's head is locked
-- from sealing to commit (through the WAL flush), so one chain serialises its writers'
-- commits; a committing writer takes a lane of its unit that nobody holds (SKIP LOCKED), so
-- writers of one unit wait for each other only when more than 8 commit at once, and writers
-- of different units never. scripts/bench-audit.ts measures it against one chain for
-- everything (what a chain per day amounts to) — docs/security.md has the figures.
--
-- Rows are chained when their transaction commits (a deferred constraint trigger), not
-- when they are inserted: a head is then held only between sealing and commit, never while
-- the rest of a transaction runs, and a transaction that touches several units takes their
-- lanes in one order (by unit), so two committing writers cannot deadlock.
-- `npm run audit:verify` recomputes every chain (scripts/audit-verify.ts).

ALTER TABLE "audit_logs"
  ADD COLUMN "chain" TEXT COLLATE "C",
  ADD COLUMN "chain_seq" BIGINT,
  ADD COLUMN "prev_hash" TEXT,
  ADD COLUMN "hash" TEXT;

-- The last sealed row of each chain; a chain that lost its tail no longer matches its head.
CREATE TABLE "audit_chain_heads" (
    "chain" TEXT COLLATE "C" NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_chain_heads_pkey" PRIMARY KEY ("chain")
);

CREATE UNIQUE INDEX "audit_logs_chain_chain_seq_key" ON "audit_logs"("chain", "chain_seq");

-- The unit part of a row's chain ("<unit>"; the lane "#n" is added when it is sealed).
CREATE FUNCTION audit_chain_of(unit uuid) RETURNS text AS $$
  SELECT coalesce(unit::text, '-')
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;

-- Lanes per unit (scripts/bench-audit.ts replaces this to compare with 1).
CREATE FUNCTION audit_lanes() RETURNS int AS $$ SELECT 8 $$ LANGUAGE sql IMMUTABLE;

-- Locks a lane of `base` for this transaction and returns its head: a free existing lane,
-- else a new one, else (all busy) waits for one.
CREATE FUNCTION audit_take_lane(base text, OUT lane text, OUT seq bigint, OUT hash text) AS $$
#variable_conflict use_column
DECLARE
  lanes text[] := ARRAY(SELECT base || '#' || i FROM generate_series(0, audit_lanes() - 1) i);
  wait_on text := lanes[1 + (txid_current() % cardinality(lanes))::int];
  l text;
BEGIN
  SELECT h.chain, h.seq, h.hash INTO lane, seq, hash FROM audit_chain_heads h
   WHERE h.chain = ANY (lanes) ORDER BY h.chain LIMIT 1 FOR UPDATE SKIP LOCKED;
  IF FOUND THEN RETURN; END IF;
  -- A lane nobody has used yet, lowest first (an insert racing ours for the same lane waits
  -- for it and moves on).
  FOREACH l IN ARRAY lanes LOOP
    CONTINUE WHEN EXISTS (SELECT 1 FROM audit_chain_heads x WHERE x.chain = l);
    INSERT INTO audit_chain_heads AS h (chain, seq, hash) VALUES (l, 0, repeat('0', 64))
    ON CONFLICT (chain) DO NOTHING
    RETURNING h.chain, h.seq, h.hash INTO lane, seq, hash;
    IF FOUND THEN RETURN; END IF;
  END LOOP;
  SELECT h.chain, h.seq, h.hash INTO lane, seq, hash FROM audit_chain_heads h WHERE h.chain = wait_on FOR UPDATE;
  IF NOT FOUND THEN
    -- That lane was being created by a writer that rolled back: start it.
    INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (wait_on, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
    SELECT h.chain, h.seq, h.hash INTO lane, seq, hash FROM audit_chain_heads h WHERE h.chain = wait_on FOR UPDATE;
  END IF;
END;
$$ LANGUAGE plpgsql;

-- What a row's hash covers: every column but the hash itself, each as <bytes>:<text>
-- (or "-" for NULL) so no two different rows read the same. Written again, independently,
-- in scripts/audit-verify.ts.
CREATE FUNCTION audit_row_text(r audit_logs, seq bigint) RETURNS text AS $$
  SELECT string_agg(CASE WHEN v IS NULL THEN '-' ELSE octet_length(v)::text || ':' || v END, '|' ORDER BY n)
    FROM unnest(ARRAY[
      r.id::text, r.chain, seq::text, ((extract(epoch FROM r.at) * 1000)::bigint)::text,
      r.actor_user_id::text, r.actor_token_id::text, r.actor_name, r.actor_role,
      r.unit_id::text, r.unit_path, r.action, r.entity, r.entity_id,
      r.before::text, r.after::text, r.ip, r.request_id
    ]) WITH ORDINALITY AS f(v, n)
$$ LANGUAGE sql STABLE;

-- On insert: the row's chain, no chain position yet (whatever the writer sent), and the row
-- noted as this transaction's to seal.
CREATE FUNCTION audit_logs_before_insert() RETURNS trigger AS $$
BEGIN
  NEW.chain := audit_chain_of(NEW.unit_id);
  NEW.chain_seq := NULL;
  NEW.prev_hash := NULL;
  NEW.hash := NULL;
  PERFORM set_config('trafficops.audit_pending',
    coalesce(nullif(current_setting('trafficops.audit_pending', true), ''), '') || NEW.id::text || ',', true);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_logs_chain BEFORE INSERT ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION audit_logs_before_insert();

-- At commit: seal this transaction's rows, unit by unit in name order, row by row in id
-- order, each unit's rows on one lane. The first firing seals them all; the others find
-- nothing left. SECURITY DEFINER: the application's role may only INSERT and SELECT audit
-- rows (scripts/lib/app-role.ts).
CREATE FUNCTION audit_logs_seal() RETURNS trigger
SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  pending bigint[];
  r audit_logs;
  cur text := NULL;
  lane text;
  n bigint;
  prev text;
  h text;
BEGIN
  pending := string_to_array(rtrim(coalesce(current_setting('trafficops.audit_pending', true), ''), ','), ',')::bigint[];
  IF pending IS NULL OR cardinality(pending) = 0 THEN RETURN NULL; END IF;
  PERFORM set_config('trafficops.audit_pending', '', true);
  PERFORM set_config('trafficops.audit_sealing', 'on', true);
  FOR r IN SELECT * FROM audit_logs WHERE id = ANY (pending) AND hash IS NULL ORDER BY chain, id LOOP
    IF cur IS DISTINCT FROM r.chain THEN
      IF cur IS NOT NULL THEN
        UPDATE audit_chain_heads SET seq = n, hash = prev, updated_at = now() WHERE chain = lane;
      END IF;
      SELECT t.lane, t.seq, t.hash INTO lane, n, prev FROM audit_take_lane(r.chain) t;
      cur := r.chain;
    END IF;
    n := n + 1;
    r.chain := lane;
    h := encode(sha256(convert_to(prev || '|' || audit_row_text(r, n), 'UTF8')), 'hex');
    UPDATE audit_logs SET chain = lane, chain_seq = n, prev_hash = prev, hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
  IF cur IS NOT NULL THEN
    UPDATE audit_chain_heads SET seq = n, hash = prev, updated_at = now() WHERE chain = lane;
  END IF;
  PERFORM set_config('trafficops.audit_sealing', 'off', true);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER audit_logs_seal AFTER INSERT ON "audit_logs"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_logs_seal();

-- Still append-only: the one update allowed is the sealing of a row not sealed yet, changing
-- nothing but its chain lane, position and hashes.
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.hash IS NULL
     AND current_setting('trafficops.audit_sealing', true) = 'on'
     AND to_jsonb(OLD) - ARRAY['chain', 'chain_seq', 'prev_hash', 'hash']
       = to_jsonb(NEW) - ARRAY['chain', 'chain_seq', 'prev_hash', 'hash'] THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_logs is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

-- Rows written before this migration: chained now, in id order (the owner lifts the
-- append-only trigger for this one backfill).
ALTER TABLE "audit_logs" DISABLE TRIGGER audit_logs_no_update_delete;
UPDATE "audit_logs" SET "chain" = audit_chain_of("unit_id") || '#0';
DO $$
DECLARE
  r audit_logs;
  cur text := NULL;
  n bigint;
  prev text;
  h text;
BEGIN
  FOR r IN SELECT * FROM audit_logs WHERE hash IS NULL ORDER BY chain, id LOOP
    IF cur IS DISTINCT FROM r.chain THEN
      IF cur IS NOT NULL THEN
        INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (cur, n, prev);
      END IF;
      n := 0;
      prev := repeat('0', 64);
      cur := r.chain;
    END IF;
    n := n + 1;
    h := encode(sha256(convert_to(prev || '|' || audit_row_text(r, n), 'UTF8')), 'hex');
    UPDATE audit_logs SET chain_seq = n, prev_hash = prev, hash = h WHERE id = r.id;
    prev := h;
  END LOOP;
  IF cur IS NOT NULL THEN
    INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (cur, n, prev);
  END IF;
END $$;
ALTER TABLE "audit_logs" ENABLE TRIGGER audit_logs_no_update_delete;

REVOKE ALL ON FUNCTION audit_logs_seal() FROM PUBLIC;
REVOKE ALL ON FUNCTION audit_take_lane(text) FROM PUBLIC;

-- The app's role (scripts/lib/app-role.ts) makes position partitions at run time: DDL it
-- may not do itself, so these run with the owner's rights.
ALTER FUNCTION ensure_position_partitions(date, int) SECURITY DEFINER SET search_path = public, pg_temp;
ALTER FUNCTION drop_position_partitions(int) SECURITY DEFINER SET search_path = public, pg_temp;
