-- CreateTable
CREATE TABLE "PolicyQuestion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askerId" TEXT NOT NULL,
    "named" BOOLEAN NOT NULL,
    "channelId" TEXT,
    "askedAt" DATETIME NOT NULL,
    "posts" TEXT NOT NULL DEFAULT '[]',
    "answerId" TEXT,
    "answeredBy" TEXT,
    "answeredAt" DATETIME
);

-- CreateTable
CREATE TABLE "ApprovedAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "source" TEXT,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "approvedAt" DATETIME NOT NULL,
    "reviewBy" TEXT NOT NULL,
    "withdrawnAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApprovedAnswerReminder" (
    "answerId" TEXT NOT NULL,
    "reviewBy" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,

    PRIMARY KEY ("answerId", "reviewBy")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyQuestion_questionId_key" ON "PolicyQuestion"("questionId");

-- CreateIndex
CREATE INDEX "PolicyQuestion_workspaceId_askedAt_idx" ON "PolicyQuestion"("workspaceId", "askedAt");

-- CreateIndex
CREATE INDEX "ApprovedAnswer_workspaceId_idx" ON "ApprovedAnswer"("workspaceId");

-- CreateIndex
CREATE INDEX "ApprovedAnswer_reviewBy_idx" ON "ApprovedAnswer"("reviewBy");
