-- AlterTable
ALTER TABLE "MinutesSource" ADD COLUMN     "pausedAt" TIMESTAMP(3),
ADD COLUMN     "pausedReason" TEXT;
