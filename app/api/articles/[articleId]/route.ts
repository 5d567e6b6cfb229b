import { NextResponse } from 'next/server';
import { ARTICLE_TEXT_MAX, ZUpdateArticle, ZSaveRevision } from '@/lib/validation/articles';
import { requireRequestUser } from '@/server/auth/request-user';
import { getMemberArticle } from '@/server/data/articles/get-member-article';
import { updateArticle } from '@/server/data/articles/update-article';
import { saveArticleRevision } from '@/server/data/articles/save-article-revision';
import { annotationServiceLink } from '@/lib/domain/web-annotation/http';
import { resourceUrls } from '@/lib/domain/web-annotation/iris';
import { jsonRoute } from '@/server/http/json-route';
import { requestOrigin } from '@/server/http/request-origin';
import { readJsonBody } from '@/server/http/read-json-body';

type Context = { params: Promise<{ articleId: string }> };

export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const article = await getMemberArticle({ userId: user.id, articleId: (await params).articleId });
  return NextResponse.json(
    {
      id: article.id,
      title: article.title,
      status: article.status,
      revisionId: article.revision.id,
      revisionNumber: article.revision.number,
      text: article.revision.text,
    },
    { headers: { link: annotationServiceLink(resourceUrls(requestOrigin(request)).container(article.id)) } },
  );
});

/** Saves a new revision: `{ text | doc, baseRevisionId }`; 409 when baseRevisionId is no longer the latest. */
export const PUT = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  // JSON escaping and document structure can double the size of the text itself.
  const input = await readJsonBody(request, ZSaveRevision, ARTICLE_TEXT_MAX * 3);
  const saved = await saveArticleRevision({ userId: user.id, articleId: (await params).articleId, input });
  return NextResponse.json(
    {
      revisionId: saved.revision.id,
      revisionNumber: saved.revision.number,
      text: saved.revision.text,
      created: saved.created,
      anchors: saved.anchors,
    },
    { status: saved.created ? 201 : 200 },
  );
});

export const PATCH = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const input = await readJsonBody(request, ZUpdateArticle);
  const article = await updateArticle({ userId: user.id, articleId: (await params).articleId, input });
  return NextResponse.json(article);
});
