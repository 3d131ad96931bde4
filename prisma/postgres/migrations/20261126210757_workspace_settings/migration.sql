-- CreateTable
CREATE TABLE "WorkspaceSettings" (
    "workspaceId" TEXT NOT NULL,
    "concernLeads" TEXT,
    "concernLeadGroup" TEXT,
    "concernTriageChannel" TEXT,
    "acknowledgeWithinWorkingDays" INTEGER,
    "retentionYears" INTEGER,
    "anonymousDailyLimit" INTEGER,
    "knowledgeOwners" TEXT,
    "digestTime" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "WorkspaceSettings_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "WorkspaceSettingChange" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "setting" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkspaceSettingChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkspaceSettingChange_workspaceId_changedAt_idx" ON "WorkspaceSettingChange"("workspaceId", "changedAt");
