-- The directory looks an item up by its exact code, name or short name (decision 046): by index, not by
-- reading every item in code order and testing each one's aliases.
CREATE INDEX "CatalogueItem_name_idx" ON "CatalogueItem"("name");
CREATE INDEX "CatalogueItem_aliases_idx" ON "CatalogueItem" USING GIN ("aliases");
