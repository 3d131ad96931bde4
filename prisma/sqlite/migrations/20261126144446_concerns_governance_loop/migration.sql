-- AlterTable
ALTER TABLE "Concern" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "Concern" ADD COLUMN "outcome" TEXT;
ALTER TABLE "Concern" ADD COLUMN "publication" TEXT;
ALTER TABLE "Concern" ADD COLUMN "publishedAt" DATETIME;
ALTER TABLE "Concern" ADD COLUMN "quoteChoice" TEXT;
ALTER TABLE "Concern" ADD COLUMN "resolutionNote" TEXT;

-- CreateTable
CREATE TABLE "ConcernRecusal" (
    "concernId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("concernId", "leadId"),
    CONSTRAINT "ConcernRecusal_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConcernPost" (
    "channelId" TEXT NOT NULL,
    "ts" TEXT NOT NULL,
    "concernId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" TEXT,

    PRIMARY KEY ("channelId", "ts"),
    CONSTRAINT "ConcernPost_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConcernCheckinMarker" (
    "key" TEXT NOT NULL PRIMARY KEY
);

-- CreateTable
CREATE TABLE "ConcernCheckinAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "clear" TEXT NOT NULL,
    "again" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ConcernMinutesLink" (
    "concernId" TEXT NOT NULL,
    "documentId" INTEGER NOT NULL,
    "at" DATETIME NOT NULL,

    PRIMARY KEY ("concernId", "documentId"),
    CONSTRAINT "ConcernMinutesLink_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConcernMinutesCursor" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "until" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ConcernRecusal_leadId_idx" ON "ConcernRecusal"("leadId");

-- CreateIndex
CREATE INDEX "ConcernPost_concernId_idx" ON "ConcernPost"("concernId");

-- CreateIndex
CREATE INDEX "ConcernCheckinAnswer_workspaceId_quarter_idx" ON "ConcernCheckinAnswer"("workspaceId", "quarter");
