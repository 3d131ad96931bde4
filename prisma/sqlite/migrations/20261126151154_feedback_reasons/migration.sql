-- CreateTable
CREATE TABLE "AnswerFeedbackReason" (
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    "givenAt" DATETIME NOT NULL,

    PRIMARY KEY ("questionId", "userId"),
    CONSTRAINT "AnswerFeedbackReason_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuestionLog" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
