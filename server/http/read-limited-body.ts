import 'server-only';
import { AppError } from '@/lib/errors';

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Reads at most `limit` bytes; refuses larger bodies early, whatever Content-Length claims. */
export async function readLimitedBody(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  // Made only when refusing: an error captures a stack trace, which is not free on every request.
  const tooLarge = () =>
    new AppError('PAYLOAD_TOO_LARGE', { userMessage: `The request body is larger than ${sizeLabel(limit)}.` });
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return new Uint8Array();
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
