-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('open', 'accepted', 'rejected');

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "assigneeId" UUID,
ADD COLUMN     "reviewStatus" "ReviewStatus" NOT NULL DEFAULT 'open',
ADD COLUMN     "reviewedAt" TIMESTAMP(3),
ADD COLUMN     "reviewedById" UUID;

-- CreateIndex
CREATE INDEX "Annotation_workspaceId_assigneeId_idx" ON "Annotation"("workspaceId", "assigneeId");
