-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "QuestionLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT,
    "userId" TEXT,
    "channelId" TEXT,
    "surface" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answered" BOOLEAN NOT NULL,
    "objective" INTEGER,
    "passageId" TEXT,
    "score" REAL,
    "askedAt" DATETIME NOT NULL,
    CONSTRAINT "QuestionLog_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnswerVote" (
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "votedAt" DATETIME NOT NULL,

    PRIMARY KEY ("questionId", "userId"),
    CONSTRAINT "AnswerVote_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuestionLog" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "QuestionLog_askedAt_idx" ON "QuestionLog"("askedAt");

-- CreateIndex
CREATE INDEX "QuestionLog_workspaceId_askedAt_idx" ON "QuestionLog"("workspaceId", "askedAt");

