-- CreateTable
CREATE TABLE "AnsweredMessage" (
    "key" TEXT NOT NULL,
    "workspaceId" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnsweredMessage_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SharedAnswer" (
    "questionId" TEXT NOT NULL,
    "sharedBy" TEXT NOT NULL,
    "sharedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SharedAnswer_pkey" PRIMARY KEY ("questionId")
);
