-- Keep "Organization"."nameGrams" in step with "name" in the database itself,
-- so no writer (app, seeds, bulk loads, manual SQL) can forget it.
-- Must match app/lib/ngrams.ts: NFKC, lower case, whitespace removed,
-- every 1- and 2-character gram.
CREATE OR REPLACE FUNCTION zj_name_grams(input TEXT) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT COALESCE(array_agg(DISTINCT g), ARRAY[]::TEXT[]) FROM (
    SELECT substr(s, i, 1) AS g FROM (SELECT regexp_replace(lower(normalize(input, NFKC)), '\s', '', 'g') AS s) n, generate_series(1, char_length(n.s)) AS i
    UNION
    SELECT substr(s, i, 2) FROM (SELECT regexp_replace(lower(normalize(input, NFKC)), '\s', '', 'g') AS s) n, generate_series(1, char_length(n.s) - 1) AS i
  ) grams
$$;

CREATE OR REPLACE FUNCTION zj_organization_name_grams() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."nameGrams" := zj_name_grams(NEW.name);
  RETURN NEW;
END;
$$;

CREATE TRIGGER organization_name_grams
BEFORE INSERT OR UPDATE OF name ON "Organization"
FOR EACH ROW EXECUTE FUNCTION zj_organization_name_grams();

UPDATE "Organization" SET "nameGrams" = zj_name_grams(name);
