// No `server-only` here: the seed script imports articles through the same path.
import { splitSearchBlocks } from '@/lib/domain/search/search-blocks';
import type { Prisma } from '../../generated/prisma/client';

/** Replaces the article's search blocks with those of its new current text, in the caller's transaction. */
export async function writeSearchBlocks(
  tx: Prisma.TransactionClient,
  article: { id: string; workspaceId: string },
  text: string,
): Promise<void> {
  const blocks = splitSearchBlocks(text);
  await tx.articleSearchBlock.deleteMany({ where: { articleId: article.id } });
  if (!blocks.length) return;
  await tx.$executeRaw`
    INSERT INTO "ArticleSearchBlock" ("articleId", "workspaceId", "start", "text")
    SELECT ${article.id}::uuid, ${article.workspaceId}::uuid, b.start, b.text
    FROM unnest(${blocks.map((block) => block.start)}::int[], ${blocks.map((block) => block.text)}::text[]) AS b(start, text)`;
}
