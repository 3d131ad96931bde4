-- AlterTable
ALTER TABLE "MinutesDocument" ADD COLUMN "searchVersion" INTEGER;

-- CreateTable
CREATE TABLE "MinutesSearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "itemId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,
    "objective" INTEGER,
    "bodyTerms" TEXT NOT NULL,
    "topicsTerms" TEXT NOT NULL,
    "bodyLength" INTEGER NOT NULL,
    "topicsLength" INTEGER NOT NULL,
    CONSTRAINT "MinutesSearchEntry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MinutesItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MinutesSearchEntry_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "MinutesDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesSearchTerm" (
    "term" TEXT NOT NULL PRIMARY KEY,
    "documents" INTEGER NOT NULL,
    "body" INTEGER NOT NULL,
    "topics" INTEGER NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "MinutesSearchEntry_itemId_key" ON "MinutesSearchEntry"("itemId");

-- CreateIndex
CREATE INDEX "MinutesSearchEntry_documentId_idx" ON "MinutesSearchEntry"("documentId");

-- Full-text index of the search entries' analysed terms (external content: the text lives once, in
-- MinutesSearchEntry), kept in step with the entries by triggers, in the same transaction as they are written.
CREATE VIRTUAL TABLE "MinutesSearchFts" USING fts5(
    "bodyTerms", "topicsTerms",
    content = 'MinutesSearchEntry', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER "MinutesSearchEntry_fts_insert" AFTER INSERT ON "MinutesSearchEntry" BEGIN
    INSERT INTO "MinutesSearchFts" (rowid, "bodyTerms", "topicsTerms") VALUES (new."id", new."bodyTerms", new."topicsTerms");
END;
CREATE TRIGGER "MinutesSearchEntry_fts_delete" AFTER DELETE ON "MinutesSearchEntry" BEGIN
    INSERT INTO "MinutesSearchFts" ("MinutesSearchFts", rowid, "bodyTerms", "topicsTerms")
    VALUES ('delete', old."id", old."bodyTerms", old."topicsTerms");
END;
CREATE TRIGGER "MinutesSearchEntry_fts_update" AFTER UPDATE ON "MinutesSearchEntry" BEGIN
    INSERT INTO "MinutesSearchFts" ("MinutesSearchFts", rowid, "bodyTerms", "topicsTerms")
    VALUES ('delete', old."id", old."bodyTerms", old."topicsTerms");
    INSERT INTO "MinutesSearchFts" (rowid, "bodyTerms", "topicsTerms") VALUES (new."id", new."bodyTerms", new."topicsTerms");
END;
