-- CreateEnum
CREATE TYPE "LinkType" AS ENUM ('supports', 'contradicts', 'rebuts', 'quotes_source');

-- CreateTable
CREATE TABLE "AnnotationLink" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "fromAnnotationId" UUID NOT NULL,
    "toAnnotationId" UUID NOT NULL,
    "type" "LinkType" NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleSearchBlock" (
    "id" BIGSERIAL NOT NULL,
    "articleId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "start" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ArticleSearchBlock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnotationLink_toAnnotationId_idx" ON "AnnotationLink"("toAnnotationId");

-- CreateIndex
CREATE INDEX "AnnotationLink_workspaceId_idx" ON "AnnotationLink"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationLink_fromAnnotationId_toAnnotationId_type_key" ON "AnnotationLink"("fromAnnotationId", "toAnnotationId", "type");

-- CreateIndex
CREATE INDEX "ArticleSearchBlock_articleId_idx" ON "ArticleSearchBlock"("articleId");

-- CreateIndex
CREATE INDEX "ArticleSearchBlock_workspaceId_idx" ON "ArticleSearchBlock"("workspaceId");

-- AddForeignKey
ALTER TABLE "AnnotationLink" ADD CONSTRAINT "AnnotationLink_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationLink" ADD CONSTRAINT "AnnotationLink_fromAnnotationId_fkey" FOREIGN KEY ("fromAnnotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationLink" ADD CONSTRAINT "AnnotationLink_toAnnotationId_fkey" FOREIGN KEY ("toAnnotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleSearchBlock" ADD CONSTRAINT "ArticleSearchBlock_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search (hand-written: Prisma cannot express expression indexes). The queries in
-- server/data/search use exactly these expressions so the planner picks the GIN indexes.
CREATE INDEX "ArticleSearchBlock_text_fts_idx" ON "ArticleSearchBlock" USING GIN (to_tsvector('english', "text"));
CREATE INDEX "Annotation_note_fts_idx" ON "Annotation" USING GIN (to_tsvector('english', COALESCE("note", '')));
CREATE INDEX "Comment_body_fts_idx" ON "Comment" USING GIN (to_tsvector('english', "body"));

-- Backfill: cut each article's current revision into its blocks ("\n\n" separates blocks).
-- (Postgres counts code points, JavaScript UTF-16 units: for text with astral characters these
-- backfilled offsets may be a little off until the next revision rewrites them from JavaScript.)
INSERT INTO "ArticleSearchBlock" ("articleId", "workspaceId", "start", "text")
SELECT piece."articleId", piece."workspaceId", piece.start, piece.block
FROM (
  -- The offsets are summed over every piece, empty ones included, before any is left out.
  SELECT a.id AS "articleId", a."workspaceId", b.block,
         (SUM(LENGTH(b.block) + 2) OVER (PARTITION BY a.id ORDER BY b.ord) - LENGTH(b.block) - 2)::int AS start
  FROM "Article" a
  JOIN LATERAL (
    SELECT r.text FROM "ArticleRevision" r WHERE r."articleId" = a.id ORDER BY r.number DESC LIMIT 1
  ) cur ON true
  CROSS JOIN LATERAL regexp_split_to_table(cur.text, E'\n\n') WITH ORDINALITY AS b(block, ord)
) piece
WHERE piece.block <> '';
