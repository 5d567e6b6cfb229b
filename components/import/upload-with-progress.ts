// fetch() cannot report upload progress; XMLHttpRequest can, and a 10 MB file on a slow
// connection takes long enough that people need to see it move.
import { UNREACHABLE, type ApiResult } from '@/components/ui/api-client';

export type UploadPhase = { phase: 'uploading'; fraction: number } | { phase: 'processing' };

export function uploadWithProgress<T>(
  url: string,
  body: FormData,
  onProgress: (phase: UploadPhase) => void,
): { done: Promise<ApiResult<T>>; abort: () => void } {
  const request = new XMLHttpRequest();
  const done = new Promise<ApiResult<T>>((resolve) => {
    request.open('POST', url);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ phase: 'uploading', fraction: event.loaded / event.total });
    };
    request.upload.onload = () => onProgress({ phase: 'processing' });
    request.onload = () => {
      const json = request.response as { error?: { message?: string; fields?: Record<string, string[]> } } | null;
      if (request.status >= 200 && request.status < 300) resolve({ ok: true, value: json as T });
      else
        resolve({
          ok: false,
          status: request.status,
          message: json?.error?.message ?? `The server answered ${request.status}.`,
          fields: json?.error?.fields,
        });
    };
    request.onerror = () => resolve({ ok: false, status: 0, message: UNREACHABLE });
    request.onabort = () => resolve({ ok: false, status: 0, message: 'The upload was cancelled.' });
    request.send(body);
  });
  return { done, abort: () => request.abort() };
}
