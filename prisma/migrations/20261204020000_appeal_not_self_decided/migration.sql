-- Issue 13: no one decides an appeal they filed. lib/violations/appeals.ts refuses it (403
-- records.ownAppeal); the database refuses it too, so no other path (an import, a script,
-- a future route) can record such a decision. A CHECK, which Prisma cannot express.
-- NOT VALID: enforced for every row written from now on; rows decided before this
-- migration are left as they are (a deployment's history is not rewritten).
ALTER TABLE appeals
  ADD CONSTRAINT appeals_not_decided_by_filer
  CHECK (decided_by_id IS NULL OR filed_by_id IS NULL OR decided_by_id <> filed_by_id) NOT VALID;
