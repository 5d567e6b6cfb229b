import 'server-only';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Reads at most `limit` bytes; refuses larger bodies early, whatever Content-Length claims. */
async function readLimitedText(request: Request, limit: number): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  const tooLarge = new AppError('PAYLOAD_TOO_LARGE', {
    userMessage: `The request body is larger than ${Math.round(limit / 1024)} KB.`,
  });
  if (Number.isFinite(declared) && declared > limit) throw tooLarge;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      // The client went away mid-body (e.g. a cancelled request): nothing to process.
      throw new AppError('INVALID_JSON', { userMessage: 'The request body could not be read.' });
    });
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel();
      throw tooLarge;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function zodFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

/** Content type, size, JSON syntax and schema, each refused with its own 4xx. */
export async function readJsonBody<T extends z.ZodType>(
  request: Request,
  schema: T,
  limit = DEFAULT_BODY_LIMIT,
): Promise<z.infer<T>> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(contentType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { userMessage: 'Send the body as application/json.' });
  }
  const text = await readLimitedText(request, limit);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_JSON', { userMessage: 'The request body is not valid JSON.' });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    const first = parsed.error.issues[0]?.message ?? 'Invalid input.';
    throw new AppError('INVALID_INPUT', { userMessage: first, fieldErrors });
  }
  return parsed.data;
}
