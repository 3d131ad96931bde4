-- CreateTable
CREATE TABLE "WorkspaceSettings" (
    "workspaceId" TEXT NOT NULL PRIMARY KEY,
    "concernLeads" TEXT,
    "concernLeadGroup" TEXT,
    "concernTriageChannel" TEXT,
    "acknowledgeWithinWorkingDays" INTEGER,
    "retentionYears" INTEGER,
    "anonymousDailyLimit" INTEGER,
    "knowledgeOwners" TEXT,
    "digestTime" TEXT,
    "updatedAt" DATETIME NOT NULL,
    "updatedBy" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "WorkspaceSettingChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "setting" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "changedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "WorkspaceSettingChange_workspaceId_changedAt_idx" ON "WorkspaceSettingChange"("workspaceId", "changedAt");
