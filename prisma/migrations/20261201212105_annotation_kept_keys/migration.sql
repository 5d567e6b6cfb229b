-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "canonical" TEXT,
ADD COLUMN     "extraSelectors" JSONB,
ADD COLUMN     "via" TEXT;
