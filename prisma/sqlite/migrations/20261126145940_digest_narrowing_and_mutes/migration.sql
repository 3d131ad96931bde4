-- CreateTable
CREATE TABLE "DigestSourceMute" (
    "subscriptionId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "mutedBy" TEXT NOT NULL,
    "mutedAt" DATETIME NOT NULL,

    PRIMARY KEY ("subscriptionId", "sourceId"),
    CONSTRAINT "DigestSourceMute_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "DigestSubscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "DigestSourceMute_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "MinutesSource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DigestSubscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "quietNotes" BOOLEAN NOT NULL DEFAULT false,
    "subscriberId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastRunAt" DATETIME NOT NULL,
    "coveredUntil" DATETIME NOT NULL,
    "pausedAt" DATETIME,
    "pausedReason" TEXT,
    "objectives" TEXT NOT NULL DEFAULT '',
    "autonomyOnly" BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO "new_DigestSubscription" ("channelId", "coveredUntil", "createdAt", "id", "lastRunAt", "pausedAt", "pausedReason", "quietNotes", "schedule", "subscriberId", "workspaceId") SELECT "channelId", "coveredUntil", "createdAt", "id", "lastRunAt", "pausedAt", "pausedReason", "quietNotes", "schedule", "subscriberId", "workspaceId" FROM "DigestSubscription";
DROP TABLE "DigestSubscription";
ALTER TABLE "new_DigestSubscription" RENAME TO "DigestSubscription";
CREATE UNIQUE INDEX "DigestSubscription_workspaceId_channelId_key" ON "DigestSubscription"("workspaceId", "channelId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
