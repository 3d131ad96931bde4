-- AlterTable
ALTER TABLE "MinutesVersion" ADD COLUMN     "isMinutes" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "notMinutesReason" TEXT;
