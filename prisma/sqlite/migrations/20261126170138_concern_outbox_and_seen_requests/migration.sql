-- CreateTable
CREATE TABLE "ConcernOutbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "nextAttemptAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" DATETIME,
    "postingAt" DATETIME,
    "sentAt" DATETIME,
    "channelId" TEXT,
    "ts" TEXT,
    "lastError" TEXT,
    "leadsToldAt" DATETIME
);

-- CreateTable
CREATE TABLE "SlackRequestSeen" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ConcernOutbox_key_key" ON "ConcernOutbox"("key");

-- CreateIndex
CREATE INDEX "ConcernOutbox_sentAt_nextAttemptAt_idx" ON "ConcernOutbox"("sentAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SlackRequestSeen_expiresAt_idx" ON "SlackRequestSeen"("expiresAt");
