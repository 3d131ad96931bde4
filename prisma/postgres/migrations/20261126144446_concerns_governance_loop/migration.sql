-- AlterTable
ALTER TABLE "Concern" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "outcome" TEXT,
ADD COLUMN     "publication" TEXT,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "quoteChoice" TEXT,
ADD COLUMN     "resolutionNote" TEXT;

-- CreateTable
CREATE TABLE "ConcernRecusal" (
    "concernId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcernRecusal_pkey" PRIMARY KEY ("concernId","leadId")
);

-- CreateTable
CREATE TABLE "ConcernPost" (
    "channelId" TEXT NOT NULL,
    "ts" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,

    CONSTRAINT "ConcernPost_pkey" PRIMARY KEY ("channelId","ts")
);

-- CreateTable
CREATE TABLE "ConcernCheckinMarker" (
    "key" TEXT NOT NULL,

    CONSTRAINT "ConcernCheckinMarker_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ConcernCheckinAnswer" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "clear" TEXT NOT NULL,
    "again" TEXT NOT NULL,

    CONSTRAINT "ConcernCheckinAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernMinutesLink" (
    "concernId" TEXT NOT NULL,
    "documentId" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcernMinutesLink_pkey" PRIMARY KEY ("concernId","documentId")
);

-- CreateTable
CREATE TABLE "ConcernMinutesCursor" (
    "name" TEXT NOT NULL,
    "until" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConcernMinutesCursor_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "ConcernRecusal_leadId_idx" ON "ConcernRecusal"("leadId");

-- CreateIndex
CREATE INDEX "ConcernPost_concernId_idx" ON "ConcernPost"("concernId");

-- CreateIndex
CREATE INDEX "ConcernCheckinAnswer_workspaceId_quarter_idx" ON "ConcernCheckinAnswer"("workspaceId", "quarter");

-- AddForeignKey
ALTER TABLE "ConcernRecusal" ADD CONSTRAINT "ConcernRecusal_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernPost" ADD CONSTRAINT "ConcernPost_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConcernMinutesLink" ADD CONSTRAINT "ConcernMinutesLink_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE CASCADE ON UPDATE CASCADE;
