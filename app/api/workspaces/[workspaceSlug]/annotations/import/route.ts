import { NextResponse } from 'next/server';
import { MAX_IMPORT_BYTES } from '@/lib/domain/import/import-document';
import { AppError } from '@/lib/errors';
import { requireRequestUser } from '@/server/auth/request-user';
import { assertCanImport } from '@/server/data/articles/import-article';
import { importAnnotationCollection } from '@/server/data/import/import-annotation-collection';
import { jsonRoute } from '@/server/http/json-route';
import { refuseUnsafeJson } from '@/server/http/read-json-body';
import { readLimitedBody } from '@/server/http/read-limited-body';

type Context = { params: Promise<{ workspaceSlug: string }> };

const MULTIPART_OVERHEAD = 64 * 1024;

async function readExport(request: Request): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  const bytes = await readLimitedBody(request, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD);
  let text: string;
  if (/^multipart\/form-data/i.test(contentType)) {
    const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData().catch(() => null);
    const file = form?.get('file');
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError('INVALID_INPUT', { userMessage: 'Choose an export file (.jsonld or .json) to import.' });
    }
    if (file.size > MAX_IMPORT_BYTES) {
      throw new AppError('PAYLOAD_TOO_LARGE', { userMessage: 'Files up to 10 MB can be imported.' });
    }
    text = await file.text();
  } else if (/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    text = Buffer.from(bytes).toString('utf8');
  } else {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      userMessage: 'Send the export as application/ld+json, application/json or a multipart file upload.',
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_INPUT', {
      userMessage: 'This file is not valid JSON, so it cannot be a JSON-LD export.',
    });
  }
  refuseUnsafeJson(json);
  return json;
}

/** Imports a W3C Web Annotation export (ours, with its documents) into the workspace. */
export const POST = jsonRoute<Context>(async (request, { params }) => {
  const user = await requireRequestUser(request);
  const slug = (await params).workspaceSlug;
  await assertCanImport({ userId: user.id, slug });
  const summary = await importAnnotationCollection({ userId: user.id, slug, json: await readExport(request) });
  return NextResponse.json(summary, { status: 201 });
});
