-- AlterTable
ALTER TABLE "ConcernOutbox" ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "payload" TEXT;
