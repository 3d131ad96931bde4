-- AlterTable
ALTER TABLE "ConcernOutbox" ADD COLUMN "failedAt" DATETIME;
ALTER TABLE "ConcernOutbox" ADD COLUMN "payload" TEXT;
