-- Short names of catalogue items (环评、能评 …) for search; versioned with the item.
ALTER TABLE "CatalogueItem" ADD COLUMN "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[];
