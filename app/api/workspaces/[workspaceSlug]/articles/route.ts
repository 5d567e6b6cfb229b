import { NextResponse } from 'next/server';
import { MAX_IMPORT_BYTES } from '@/lib/domain/import/import-document';
import { importStatusUrl, importsInBackground } from '@/lib/domain/import/import-job';
import { AppError } from '@/lib/errors';
import { ZArticleImportDetails, ZPastedArticle, ARTICLE_TEXT_MAX } from '@/lib/validation/articles';
import { requireRequestUser } from '@/server/auth/request-user';
import { assertCanImport, importArticle } from '@/server/data/articles/import-article';
import { queueArticleImport } from '@/server/data/imports/queue-article-import';
import { jsonRoute } from '@/server/http/json-route';
import { readJsonBody, validateInput } from '@/server/http/read-json-body';
import { readLimitedBody } from '@/server/http/read-limited-body';

type Context = { params: Promise<{ workspaceSlug: string }> };

/** Room for the multipart boundaries and the detail fields around a 10 MB file. */
const MULTIPART_OVERHEAD = 64 * 1024;

function formString(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
}

async function readUpload(request: Request) {
  const bytes = await readLimitedBody(request, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(bytes, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData();
  } catch {
    throw new AppError('INVALID_INPUT', { userMessage: 'The upload could not be read. Choose the file again.' });
  }
  const file = form.get('file');
  if (!(file instanceof File) || file.size === 0) {
    throw new AppError('INVALID_INPUT', {
      userMessage: 'Choose a file to import.',
      fieldErrors: { file: ['Choose a file to import.'] },
    });
  }
  const details = validateInput(ZArticleImportDetails, {
    title: formString(form, 'title'),
    byline: formString(form, 'byline'),
    sourceUrl: formString(form, 'sourceUrl'),
    publishedAt: formString(form, 'publishedAt'),
  });
  const source = { fileName: file.name, mediaType: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
  return { source, details };
}

/**
 * Imports an article: `multipart/form-data` with a `file` (.txt, .md, .html, .docx, .pdf up to 10 MB)
 * or JSON `{ text, format?, title?, byline?, sourceUrl?, publishedAt? }` for pasted text. A file over
 * 1 MB is converted by a background job: the answer is 202 with the import, whose `statusUrl` to poll.
 */
export const POST = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const slug = (await params).workspaceSlug;
  await assertCanImport({ userId: user.id, slug });
  const contentType = request.headers.get('content-type') ?? '';
  let imported;
  if (/^multipart\/form-data/i.test(contentType)) {
    const { source, details } = await readUpload(request);
    if (importsInBackground(source.bytes.byteLength)) {
      const job = await queueArticleImport({ userId: user.id, slug, source, details });
      const statusUrl = importStatusUrl(slug, job.id);
      return NextResponse.json({ ...job, statusUrl }, { status: 202, headers: { location: statusUrl } });
    }
    imported = await importArticle({ userId: user.id, slug, source, details });
  } else {
    const { text, format, ...details } = await readJsonBody(request, ZPastedArticle, ARTICLE_TEXT_MAX * 2);
    imported = await importArticle({ userId: user.id, slug, source: { pastedText: text, format }, details });
  }
  const url = `/w/${imported.workspaceSlug}/articles/${imported.id}`;
  return NextResponse.json(
    { id: imported.id, title: imported.title, format: imported.format, url },
    { status: 201, headers: { location: url } },
  );
});
