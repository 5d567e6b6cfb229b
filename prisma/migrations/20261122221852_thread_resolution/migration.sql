-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedById" UUID;
