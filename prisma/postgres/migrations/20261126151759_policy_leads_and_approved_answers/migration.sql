-- CreateTable
CREATE TABLE "PolicyQuestion" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "askerId" TEXT NOT NULL,
    "named" BOOLEAN NOT NULL,
    "channelId" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL,
    "posts" TEXT NOT NULL DEFAULT '[]',
    "answerId" TEXT,
    "answeredBy" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "PolicyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovedAnswer" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "source" TEXT,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL,
    "reviewBy" TEXT NOT NULL,
    "withdrawnAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApprovedAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovedAnswerReminder" (
    "answerId" TEXT NOT NULL,
    "reviewBy" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApprovedAnswerReminder_pkey" PRIMARY KEY ("answerId","reviewBy")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyQuestion_questionId_key" ON "PolicyQuestion"("questionId");

-- CreateIndex
CREATE INDEX "PolicyQuestion_workspaceId_askedAt_idx" ON "PolicyQuestion"("workspaceId", "askedAt");

-- CreateIndex
CREATE INDEX "ApprovedAnswer_workspaceId_idx" ON "ApprovedAnswer"("workspaceId");

-- CreateIndex
CREATE INDEX "ApprovedAnswer_reviewBy_idx" ON "ApprovedAnswer"("reviewBy");
