-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MinutesVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "meetingDate" TEXT,
    "attendees" TEXT NOT NULL,
    "apologies" TEXT NOT NULL,
    "storedAt" DATETIME NOT NULL,
    "isMinutes" BOOLEAN NOT NULL DEFAULT true,
    "notMinutesReason" TEXT,
    CONSTRAINT "MinutesVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "MinutesDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MinutesVersion" ("apologies", "attendees", "contentHash", "documentId", "id", "meetingDate", "number", "storedAt", "title") SELECT "apologies", "attendees", "contentHash", "documentId", "id", "meetingDate", "number", "storedAt", "title" FROM "MinutesVersion";
DROP TABLE "MinutesVersion";
ALTER TABLE "new_MinutesVersion" RENAME TO "MinutesVersion";
CREATE INDEX "MinutesVersion_storedAt_idx" ON "MinutesVersion"("storedAt");
CREATE UNIQUE INDEX "MinutesVersion_documentId_number_key" ON "MinutesVersion"("documentId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
