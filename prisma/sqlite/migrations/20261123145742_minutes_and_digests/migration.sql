-- CreateTable
CREATE TABLE "MinutesSource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "kind" TEXT,
    "title" TEXT,
    "addedBy" TEXT,
    "addedAt" DATETIME NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastFetchedAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "nextFetchAt" DATETIME NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT
);

-- CreateTable
CREATE TABLE "MinutesDocument" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "url" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "sourceId" INTEGER,
    "publisher" TEXT NOT NULL,
    "firstSeenAt" DATETIME NOT NULL,
    "feedUpdatedAt" DATETIME,
    "etag" TEXT,
    "lastModified" TEXT,
    CONSTRAINT "MinutesDocument_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "MinutesSource" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "meetingDate" TEXT,
    "attendees" TEXT NOT NULL,
    "apologies" TEXT NOT NULL,
    "storedAt" DATETIME NOT NULL,
    CONSTRAINT "MinutesVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "MinutesDocument" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "versionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "heading" TEXT,
    "text" TEXT NOT NULL,
    "owner" TEXT,
    "due" TEXT,
    CONSTRAINT "MinutesItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "MinutesVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MinutesItemTag" (
    "itemId" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "score" REAL NOT NULL,

    PRIMARY KEY ("itemId", "tag"),
    CONSTRAINT "MinutesItemTag_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MinutesItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DigestSubscription" (
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
    "pausedReason" TEXT
);

-- CreateTable
CREATE TABLE "DigestClaim" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "subscriptionId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodStart" DATETIME NOT NULL,
    "periodEnd" DATETIME NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "documents" INTEGER NOT NULL,
    CONSTRAINT "DigestClaim_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "DigestSubscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DigestEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "claimId" INTEGER NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,
    "versionId" INTEGER NOT NULL,
    "outboxId" INTEGER NOT NULL,
    CONSTRAINT "DigestEntry_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "DigestClaim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlackOutbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "subscriptionId" INTEGER,
    "claimId" INTEGER,
    "channelId" TEXT NOT NULL,
    "threadParentId" INTEGER,
    "threadTs" TEXT,
    "text" TEXT NOT NULL,
    "blocks" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "nextAttemptAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "sentAt" DATETIME,
    "ts" TEXT,
    "failedAt" DATETIME,
    "lastError" TEXT,
    CONSTRAINT "SlackOutbox_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "DigestSubscription" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "until" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "MinutesSource_url_key" ON "MinutesSource"("url");

-- CreateIndex
CREATE INDEX "MinutesSource_nextFetchAt_idx" ON "MinutesSource"("nextFetchAt");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesDocument_url_key" ON "MinutesDocument"("url");

-- CreateIndex
CREATE INDEX "MinutesVersion_storedAt_idx" ON "MinutesVersion"("storedAt");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesVersion_documentId_number_key" ON "MinutesVersion"("documentId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "MinutesItem_versionId_position_key" ON "MinutesItem"("versionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DigestSubscription_workspaceId_channelId_key" ON "DigestSubscription"("workspaceId", "channelId");

-- CreateIndex
CREATE UNIQUE INDEX "DigestClaim_subscriptionId_periodKey_key" ON "DigestClaim"("subscriptionId", "periodKey");

-- CreateIndex
CREATE INDEX "DigestEntry_subscriptionId_documentId_idx" ON "DigestEntry"("subscriptionId", "documentId");

-- CreateIndex
CREATE UNIQUE INDEX "SlackOutbox_key_key" ON "SlackOutbox"("key");

-- CreateIndex
CREATE INDEX "SlackOutbox_sentAt_failedAt_nextAttemptAt_idx" ON "SlackOutbox"("sentAt", "failedAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SlackOutbox_claimId_idx" ON "SlackOutbox"("claimId");
