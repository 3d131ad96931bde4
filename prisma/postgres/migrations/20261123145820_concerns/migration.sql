-- CreateTable
CREATE TABLE "ConcernCounter" (
    "workspaceId" TEXT NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    CONSTRAINT "ConcernCounter_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "Concern" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernSupporter" (
    "id" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "identityMode" TEXT NOT NULL,
    "userId" TEXT,
    "userName" TEXT,
    "statement" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcernSupporter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernMessage" (
    "id" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "leadUserId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcernMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernReminder" (
    "concernId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcernReminder_pkey" PRIMARY KEY ("concernId","day")
);

-- CreateTable
CREATE TABLE "ConcernDraft" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcernDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernAuditEntry" (
    "seq" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "concernRef" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "note" TEXT,
    "purge" TEXT,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "ConcernAuditEntry_pkey" PRIMARY KEY ("seq")
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

-- AddForeignKey
ALTER TABLE "ConcernSupporter" ADD CONSTRAINT "ConcernSupporter_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernMessage" ADD CONSTRAINT "ConcernMessage_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernReminder" ADD CONSTRAINT "ConcernReminder_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;
