-- Scope filters are "unit_path LIKE <path>%". Unit codes may contain "_" (and a path
-- must never act as a pattern), so the prefix is escaped: "sq_1" must not match "sqX1".
-- The application does the same with pathLike()/underPath() in lib/auth/actor.ts.
CREATE FUNCTION like_prefix(prefix text) RETURNS text AS $$
  SELECT replace(replace(replace(prefix, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$ LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION repath_units(old_prefix text, new_prefix text, new_brigade uuid) RETURNS void AS $$
DECLARE
  t record;
  pattern text := like_prefix(old_prefix);
  depth_delta int := (length(new_prefix) - length(replace(new_prefix, '/', '')))
                   - (length(old_prefix) - length(replace(old_prefix, '/', '')));
BEGIN
  UPDATE units
     SET path = new_prefix || substr(path, length(old_prefix) + 1),
         depth = depth + depth_delta,
         updated_at = now()
   WHERE path LIKE pattern;
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
    EXECUTE format('UPDATE %I SET unit_path = $2 || substr(unit_path, length($1) + 1) WHERE unit_path LIKE $3', t.relname)
      USING old_prefix, new_prefix, pattern;
    IF new_brigade IS NOT NULL AND EXISTS (
      SELECT 1 FROM pg_attribute a2
       WHERE a2.attrelid = format('%I', t.relname)::regclass AND a2.attname = 'brigade_id' AND NOT a2.attisdropped
    ) THEN
      EXECUTE format('UPDATE %I SET brigade_id = $2 WHERE unit_path LIKE $1', t.relname)
        USING like_prefix(new_prefix), new_brigade;
    END IF;
  END LOOP;
END;
$$ LANGUAGE plpgsql;
