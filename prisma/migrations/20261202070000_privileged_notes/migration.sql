-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "privilegeBasis" TEXT,
ADD COLUMN     "privilegedAt" TIMESTAMP(3),
ADD COLUMN     "privilegedById" UUID;
