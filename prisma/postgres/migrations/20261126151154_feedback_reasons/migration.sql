-- CreateTable
CREATE TABLE "AnswerFeedbackReason" (
    "questionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT,
    "note" TEXT,
    "givenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnswerFeedbackReason_pkey" PRIMARY KEY ("questionId","userId")
);

-- AddForeignKey
ALTER TABLE "AnswerFeedbackReason" ADD CONSTRAINT "AnswerFeedbackReason_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "QuestionLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;
