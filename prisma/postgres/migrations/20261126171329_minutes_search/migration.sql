-- AlterTable
ALTER TABLE "MinutesDocument" ADD COLUMN     "searchVersion" INTEGER;

-- CreateTable
CREATE TABLE "MinutesSearchEntry" (
    "id" SERIAL NOT NULL,
    "itemId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,
    "objective" INTEGER,
    "bodyTerms" TEXT NOT NULL,
    "topicsTerms" TEXT NOT NULL,
    "bodyLength" INTEGER NOT NULL,
    "topicsLength" INTEGER NOT NULL,

    CONSTRAINT "MinutesSearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesSearchTerm" (
    "term" TEXT NOT NULL,
    "documents" INTEGER NOT NULL,
    "body" INTEGER NOT NULL,
    "topics" INTEGER NOT NULL,

    CONSTRAINT "MinutesSearchTerm_pkey" PRIMARY KEY ("term")
);

-- CreateIndex
CREATE UNIQUE INDEX "MinutesSearchEntry_itemId_key" ON "MinutesSearchEntry"("itemId");

-- CreateIndex
CREATE INDEX "MinutesSearchEntry_documentId_idx" ON "MinutesSearchEntry"("documentId");

-- AddForeignKey
ALTER TABLE "MinutesSearchEntry" ADD CONSTRAINT "MinutesSearchEntry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MinutesItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesSearchEntry" ADD CONSTRAINT "MinutesSearchEntry_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "MinutesDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text index of the search entries' analysed terms. The terms are already stemmed and stripped of
-- stop words by the application (so both databases and the in-memory knowledge base agree), hence the
-- 'simple' configuration: it only lower-cases. Topics weigh more (A) than the body (B).
ALTER TABLE "MinutesSearchEntry" ADD COLUMN "vector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', "topicsTerms"), 'A') || setweight(to_tsvector('simple', "bodyTerms"), 'B')
) STORED;
CREATE INDEX "MinutesSearchEntry_vector_idx" ON "MinutesSearchEntry" USING GIN ("vector");
