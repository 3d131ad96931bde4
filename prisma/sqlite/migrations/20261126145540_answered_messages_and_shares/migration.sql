-- CreateTable
CREATE TABLE "AnsweredMessage" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT,
    "claimedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "SharedAnswer" (
    "questionId" TEXT NOT NULL PRIMARY KEY,
    "sharedBy" TEXT NOT NULL,
    "sharedAt" DATETIME NOT NULL
);
