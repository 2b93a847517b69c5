-- A search by item reads the item's holders from one index (decision 044): each CredentialItem row
-- carries its credential's agency, expiry and whether it counts (verified and not rejected), kept in
-- step by the database itself so no writer (app, seeds, bulk loads, manual SQL) can forget them.
-- Before, every credential of the item was fetched by primary key (or, at ~2,400 credentials, the
-- planner hashed a sequential scan of all 300,000): 10–110 ms per search at 100,000 agencies.
ALTER TABLE "CredentialItem"
  ADD COLUMN "agencyId" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "validUntil" TIMESTAMP(3) NOT NULL DEFAULT '-infinity',
  ADD COLUMN "counted" BOOLEAN NOT NULL DEFAULT false;

UPDATE "CredentialItem" ci
SET "agencyId" = c."agencyId", "validUntil" = c."validUntil", "counted" = (c."verifiedAt" IS NOT NULL AND c."rejectedAt" IS NULL)
FROM "Credential" c WHERE c.id = ci."credentialId";

-- A new item row copies its credential. FOR SHARE waits for a writer of that credential that has not
-- committed and then reads its new values, so a row added beside a verification is never left stale
-- (every transaction here is READ COMMITTED).
-- No credential row (a restore that loads this table first; the foreign key is checked later): the
-- row keeps the values it came with, the copy the dump was taken with.
CREATE OR REPLACE FUNCTION zj_credential_item_copy() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  holder TEXT;
  expiry TIMESTAMP(3);
  counts BOOLEAN;
BEGIN
  SELECT c."agencyId", c."validUntil", (c."verifiedAt" IS NOT NULL AND c."rejectedAt" IS NULL)
    INTO holder, expiry, counts
    FROM "Credential" c WHERE c.id = NEW."credentialId" FOR SHARE;
  IF FOUND THEN
    NEW."agencyId" := holder;
    NEW."validUntil" := expiry;
    NEW."counted" := counts;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER credential_item_copy
BEFORE INSERT OR UPDATE ON "CredentialItem"
FOR EACH ROW EXECUTE FUNCTION zj_credential_item_copy();

-- A credential's change reaches its item rows in the same transaction (the credential's row lock
-- orders it against the copy above).
CREATE OR REPLACE FUNCTION zj_credential_items_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "CredentialItem" SET "credentialId" = "credentialId" WHERE "credentialId" = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER credential_items_follow
AFTER UPDATE OF "agencyId", "validUntil", "verifiedAt", "rejectedAt" ON "Credential"
FOR EACH ROW
WHEN (OLD."agencyId" IS DISTINCT FROM NEW."agencyId" OR OLD."validUntil" IS DISTINCT FROM NEW."validUntil"
  OR OLD."verifiedAt" IS DISTINCT FROM NEW."verifiedAt" OR OLD."rejectedAt" IS DISTINCT FROM NEW."rejectedAt")
EXECUTE FUNCTION zj_credential_items_follow();

-- The item's counting holders, agency by agency, with the expiry to test against the clock: an
-- index-only scan for the holders, one probe for "does this agency hold it".
-- Only here: schema.prisma cannot write a partial index with INCLUDE.
CREATE INDEX "CredentialItem_holder_idx" ON "CredentialItem"("itemId", "agencyId") INCLUDE ("validUntil") WHERE "counted";
