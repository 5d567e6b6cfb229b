// Browser-side JSON calls to our API, returning a value or a message fit to show the user.
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; status: number; message: string; fields?: Record<string, string[]> };

type ErrorBody = { error?: { message?: string; fields?: Record<string, string[]> } } | null;

export async function failureOf(response: Response): Promise<ApiResult<never>> {
  const json = (await response.json().catch(() => null)) as ErrorBody;
  return {
    ok: false,
    status: response.status,
    message: json?.error?.message ?? `The server answered ${response.status}.`,
    fields: json?.error?.fields,
  };
}

export const UNREACHABLE = 'We could not reach the server. Check your connection and try again.';

export async function callApi<T>(
  url: string,
  init: RequestInit,
  read: (response: Response) => Promise<T>,
): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      ...init,
      headers: typeof init.body === 'string' ? { 'content-type': 'application/json' } : undefined,
    });
    if (response.ok) return { ok: true, value: await read(response) };
    return failureOf(response);
  } catch {
    return { ok: false, status: 0, message: UNREACHABLE };
  }
}

export function sendJson<T>(url: string, method: string, body?: unknown): Promise<ApiResult<T>> {
  return callApi(
    url,
    { method, body: body === undefined ? undefined : JSON.stringify(body) },
    (response) => response.json() as Promise<T>,
  );
}
