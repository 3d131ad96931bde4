-- AlterTable
ALTER TABLE "MinutesSource" ADD COLUMN "pausedAt" DATETIME;
ALTER TABLE "MinutesSource" ADD COLUMN "pausedReason" TEXT;
