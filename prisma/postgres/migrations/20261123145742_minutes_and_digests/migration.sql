-- CreateTable
CREATE TABLE "MinutesSource" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT,
    "title" TEXT,
    "addedBy" TEXT,
    "addedAt" TIMESTAMP(3) NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "lastFetchedAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "nextFetchAt" TIMESTAMP(3) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "MinutesSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesDocument" (
    "id" SERIAL NOT NULL,
    "url" TEXT NOT NULL,
    "link" TEXT NOT NULL,
    "sourceId" INTEGER,
    "publisher" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL,
    "feedUpdatedAt" TIMESTAMP(3),
    "etag" TEXT,
    "lastModified" TEXT,

    CONSTRAINT "MinutesDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesVersion" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "meetingDate" TEXT,
    "attendees" TEXT NOT NULL,
    "apologies" TEXT NOT NULL,
    "storedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MinutesVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesItem" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "heading" TEXT,
    "text" TEXT NOT NULL,
    "owner" TEXT,
    "due" TEXT,

    CONSTRAINT "MinutesItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MinutesItemTag" (
    "itemId" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "MinutesItemTag_pkey" PRIMARY KEY ("itemId","tag")
);

-- CreateTable
CREATE TABLE "DigestSubscription" (
    "id" SERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "quietNotes" BOOLEAN NOT NULL DEFAULT false,
    "subscriberId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3) NOT NULL,
    "coveredUntil" TIMESTAMP(3) NOT NULL,
    "pausedAt" TIMESTAMP(3),
    "pausedReason" TEXT,

    CONSTRAINT "DigestSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestClaim" (
    "id" SERIAL NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "periodKey" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "documents" INTEGER NOT NULL,

    CONSTRAINT "DigestClaim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestEntry" (
    "id" SERIAL NOT NULL,
    "claimId" INTEGER NOT NULL,
    "subscriptionId" INTEGER NOT NULL,
    "documentId" INTEGER NOT NULL,
    "versionId" INTEGER NOT NULL,
    "outboxId" INTEGER NOT NULL,

    CONSTRAINT "DigestEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackOutbox" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "subscriptionId" INTEGER,
    "claimId" INTEGER,
    "channelId" TEXT NOT NULL,
    "threadParentId" INTEGER,
    "threadTs" TEXT,
    "text" TEXT NOT NULL,
    "blocks" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "ts" TEXT,
    "failedAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "SlackOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
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

-- AddForeignKey
ALTER TABLE "MinutesDocument" ADD CONSTRAINT "MinutesDocument_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "MinutesSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesVersion" ADD CONSTRAINT "MinutesVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "MinutesDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesItem" ADD CONSTRAINT "MinutesItem_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "MinutesVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesItemTag" ADD CONSTRAINT "MinutesItemTag_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "MinutesItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestClaim" ADD CONSTRAINT "DigestClaim_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "DigestSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestEntry" ADD CONSTRAINT "DigestEntry_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "DigestClaim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlackOutbox" ADD CONSTRAINT "SlackOutbox_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "DigestSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
