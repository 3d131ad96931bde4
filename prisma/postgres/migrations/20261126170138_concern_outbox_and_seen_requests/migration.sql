-- CreateTable
CREATE TABLE "ConcernOutbox" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "postingAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),
    "channelId" TEXT,
    "ts" TEXT,
    "lastError" TEXT,
    "leadsToldAt" TIMESTAMP(3),

    CONSTRAINT "ConcernOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlackRequestSeen" (
    "hash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SlackRequestSeen_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE UNIQUE INDEX "ConcernOutbox_key_key" ON "ConcernOutbox"("key");

-- CreateIndex
CREATE INDEX "ConcernOutbox_sentAt_nextAttemptAt_idx" ON "ConcernOutbox"("sentAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "SlackRequestSeen_expiresAt_idx" ON "SlackRequestSeen"("expiresAt");
