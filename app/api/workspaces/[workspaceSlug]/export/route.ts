import { NextResponse } from 'next/server';
import { exportUrls, toAnnotationCollectionExport } from '@/lib/domain/export/annotation-export';
import { annotationCsvRows, annotationsToCsv } from '@/lib/domain/export/annotations-csv';
import { exportFileName } from '@/lib/domain/export/export-file-name';
import { privilegeLogCsv } from '@/lib/domain/privilege/privilege-log';
import { ZExportQuery } from '@/lib/validation/export';
import { requireRequestUser } from '@/server/auth/request-user';
import { loadPrivilegeLog } from '@/server/data/export/load-privilege-log';
import { loadReviewData } from '@/server/data/export/load-review-data';
import { jsonRoute } from '@/server/http/json-route';
import { validateInput } from '@/server/http/read-json-body';
import { requestOrigin } from '@/server/http/request-origin';

type Context = { params: Promise<{ workspaceSlug: string }> };

const JSON_LD = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/**
 * `?format=jsonld|csv|privilege-log&article=<id>&privileged=include`: the workspace's (or one
 * article's) review, as a download; or the privilege log of what it withholds (CSV).
 */
export const GET = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const url = new URL(request.url);
  const query = validateInput(ZExportQuery, {
    format: url.searchParams.get('format') ?? undefined,
    article: url.searchParams.get('article') ?? undefined,
    privileged: url.searchParams.get('privileged') ?? undefined,
  });
  const slug = (await params).workspaceSlug;
  const now = new Date();
  const disposition = (label: string, extension: string) =>
    `attachment; filename="${exportFileName(label, now, extension)}"`;
  if (query.format === 'privilege-log') {
    const log = await loadPrivilegeLog({ userId: user.id, slug, articleId: query.article });
    return new NextResponse(privilegeLogCsv(log.entries), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': disposition(`${log.label} privilege log`, 'csv'),
      },
    });
  }
  const data = await loadReviewData({
    userId: user.id,
    slug,
    articleId: query.article,
    includePrivileged: query.privileged === 'include',
  });
  const label = query.article ? data.articles[0]!.title : data.workspace.name;
  if (query.format === 'csv') {
    return new NextResponse(annotationsToCsv(annotationCsvRows(data.articles, data.annotations)), {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition(label, 'csv') },
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
    headers: { 'content-type': JSON_LD, 'content-disposition': disposition(label, 'jsonld') },
  });
});
