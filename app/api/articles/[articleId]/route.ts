import { NextResponse } from 'next/server';
import { ZRenameArticle } from '@/lib/validation/articles';
import { requireApiUser } from '@/server/auth/session';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { renameArticle } from '@/server/data/articles/rename-article';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody } from '@/server/http/read-json-body';

type Context = { params: Promise<{ articleId: string }> };

export const GET = jsonRoute<Context>(async (_request, { params }) => {
  const user = await requireApiUser();
  const article = await getMemberArticle({ userId: user.id, articleId: (await params).articleId });
  return NextResponse.json({
    id: article.id,
    title: article.title,
    status: article.status,
    revisionId: article.revision.id,
    revisionNumber: article.revision.number,
    text: article.revision.text,
  });
});

export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireApiUser();
  const input = await readJsonBody(request, ZRenameArticle);
  const article = await renameArticle({ userId: user.id, articleId: (await params).articleId, input });
  return NextResponse.json(article);
});
