import { NextResponse } from 'next/server';
import { exportUrls, toAnnotationCollectionExport } from '@/lib/domain/export/annotation-export';
import { annotationCsvRows, annotationsToCsv } from '@/lib/domain/export/annotations-csv';
import { exportFileName } from '@/lib/domain/export/export-file-name';
import { ZExportQuery } from '@/lib/validation/export';
import { requireRequestUser } from '@/server/auth/request-user';
import { loadReviewData } from '@/server/data/export/load-review-data';
import { jsonRoute } from '@/server/http/json-route';
import { validateInput } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';

type Context = { params: Promise<{ workspaceSlug: string }> };

const JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** `?format=jsonld|csv&article=<id>`: the workspace's (or one article's) review, as a download. */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const url = new URL(request.url);
  const query = validateInput(ZExportQuery, {
    format: url.searchParams.get('format') ?? undefined,
    article: url.searchParams.get('article') ?? undefined,
  });
  const slug = (await params).workspaceSlug;
  const data = await loadReviewData({ userId: user.id, slug, articleId: query.article });
  const label = query.article ? data.articles[0]!.title : data.workspace.name;
  const now = new Date();
  const disposition = (extension: string) => `attachment; filename="${exportFileName(label, now, extension)}"`;
  if (query.format === 'csv') {
    return new NextResponse(annotationsToCsv(annotationCsvRows(data.articles, data.annotations)), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition('csv') },
    });
  }
  const origin = requestOrigin(request);
  const collection = toAnnotationCollectionExport({
    collectionId: `${origin}/api/workspaces/${slug}/export${query.article ? `?article=${query.article}` : ''}`,
    label: `${label}: review exported ${now.toISOString()}`,
    articles: data.articles,
    annotations: data.annotations,
    links: data.links,
    urls: exportUrls(origin),
    generatedAt: now,
  });
  return new NextResponse(JSON.stringify(collection, null, 2), {
    headers: { 'content-type': JSON_LD, 'content-disposition': disposition('jsonld') },
  });
});
