-- A search by name fragment reads the listed agencies alone (decision 045): each Agency row carries its
-- organisation's name and name grams, kept in step by the database itself (like the grams themselves,
-- 20261126105155, and the credential copies, decision 044) so no writer can forget them. Before, every
-- match cost an index probe from the organisation to its agency for the count (about 1,100 for a
-- fragment with more than 1,000 matches: 8–14 ms) and from the agency to its organisation for the
-- page's walk (up to a few thousand: 1–11 ms).
ALTER TABLE "Agency"
  ADD COLUMN "orgName" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "orgNameGrams" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];

UPDATE "Agency" a SET "orgName" = o.name, "orgNameGrams" = o."nameGrams"
FROM "Organization" o WHERE o.id = a."organizationId";

-- A new agency (or one moved to another organisation) copies its organisation. FOR SHARE waits for a
-- rename that has not committed and then reads the new name (every transaction here is READ COMMITTED).
-- No organisation row (a restore that loads this table first): the row keeps the values it came with.
CREATE OR REPLACE FUNCTION zj_agency_org_name_copy() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  found_name TEXT;
  found_grams TEXT[];
BEGIN
  SELECT o.name, o."nameGrams" INTO found_name, found_grams
    FROM "Organization" o WHERE o.id = NEW."organizationId" FOR SHARE;
  IF FOUND THEN
    NEW."orgName" := found_name;
    NEW."orgNameGrams" := found_grams;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER agency_org_name_copy
BEFORE INSERT OR UPDATE OF "organizationId", "orgName", "orgNameGrams" ON "Agency"
FOR EACH ROW EXECUTE FUNCTION zj_agency_org_name_copy();

-- A rename reaches the organisation's agency in the same transaction (the organisation's row lock orders
-- it against the copy above). Its grams are the BEFORE trigger's (organization_name_grams).
CREATE OR REPLACE FUNCTION zj_organization_agency_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Agency" SET "orgName" = NEW.name, "orgNameGrams" = NEW."nameGrams" WHERE "organizationId" = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER organization_agency_follow
AFTER UPDATE OF name, "nameGrams" ON "Organization"
FOR EACH ROW
WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD."nameGrams" IS DISTINCT FROM NEW."nameGrams")
EXECUTE FUNCTION zj_organization_agency_follow();

-- The listed agencies whose organisation's name holds a gram. Partial: every directory search is of
-- listed agencies. Only here: schema.prisma cannot write a partial index.
CREATE INDEX "Agency_listed_orgNameGrams_idx" ON "Agency" USING GIN ("orgNameGrams") WHERE "status" = 'LISTED';
