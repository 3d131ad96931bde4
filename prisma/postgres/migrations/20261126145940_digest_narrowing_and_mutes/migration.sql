-- AlterTable
ALTER TABLE "DigestSubscription" ADD COLUMN     "autonomyOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "objectives" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "DigestSourceMute" (
    "subscriptionId" INTEGER NOT NULL,
    "sourceId" INTEGER NOT NULL,
    "mutedBy" TEXT NOT NULL,
    "mutedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DigestSourceMute_pkey" PRIMARY KEY ("subscriptionId","sourceId")
);

-- AddForeignKey
ALTER TABLE "DigestSourceMute" ADD CONSTRAINT "DigestSourceMute_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "DigestSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestSourceMute" ADD CONSTRAINT "DigestSourceMute_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "MinutesSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;
