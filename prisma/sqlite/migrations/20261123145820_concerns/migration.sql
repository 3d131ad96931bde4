-- CreateTable
CREATE TABLE "ConcernCounter" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "lastNumber" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "Concern" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "whatHappened" TEXT NOT NULL,
    "objective" INTEGER,
    "body" TEXT NOT NULL,
    "impact" TEXT NOT NULL,
    "identityMode" TEXT NOT NULL,
    "reporterUserId" TEXT,
    "reporterName" TEXT,
    "sourceText" TEXT,
    "sourceChannelId" TEXT,
    "sourceTs" TEXT,
    "sourceThreadTs" TEXT,
    "sourcePermalink" TEXT,
    "sourceAuthor" TEXT,
    "sourceKey" TEXT,
    "submissionKey" TEXT NOT NULL,
    "signposts" TEXT NOT NULL DEFAULT '',
    "receiptHash" TEXT,
    "threadBlocked" BOOLEAN NOT NULL DEFAULT false,
    "triageChannelId" TEXT,
    "triageTs" TEXT,
    "createdAt" DATETIME NOT NULL,
    "acknowledgedAt" DATETIME,
    "resolvedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConcernSupporter" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "concernId" TEXT NOT NULL,
    "identityMode" TEXT NOT NULL,
    "userId" TEXT,
    "userName" TEXT,
    "statement" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ConcernSupporter_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConcernMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "concernId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "leadUserId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "ConcernMessage_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConcernReminder" (
    "concernId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,

    PRIMARY KEY ("concernId", "day"),
    CONSTRAINT "ConcernReminder_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConcernDraft" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ConcernAuditEntry" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL,
    "concernRef" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "note" TEXT,
    "purge" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "Concern_workspaceId_status_idx" ON "Concern"("workspaceId", "status");

-- CreateIndex
CREATE INDEX "Concern_workspaceId_reporterUserId_idx" ON "Concern"("workspaceId", "reporterUserId");

-- CreateIndex
CREATE INDEX "Concern_workspaceId_createdAt_idx" ON "Concern"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_workspaceId_number_key" ON "Concern"("workspaceId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_workspaceId_sourceKey_key" ON "Concern"("workspaceId", "sourceKey");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_workspaceId_submissionKey_key" ON "Concern"("workspaceId", "submissionKey");

-- CreateIndex
CREATE INDEX "ConcernSupporter_userId_idx" ON "ConcernSupporter"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernSupporter_concernId_userId_key" ON "ConcernSupporter"("concernId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConcernSupporter_concernId_submissionKey_key" ON "ConcernSupporter"("concernId", "submissionKey");

-- CreateIndex
CREATE INDEX "ConcernMessage_concernId_createdAt_idx" ON "ConcernMessage"("concernId", "createdAt");

-- CreateIndex
CREATE INDEX "ConcernDraft_createdAt_idx" ON "ConcernDraft"("createdAt");

-- CreateIndex
CREATE INDEX "ConcernAuditEntry_concernRef_idx" ON "ConcernAuditEntry"("concernRef");
