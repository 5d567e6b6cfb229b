import 'server-only';
import type { z } from 'zod';
import { AppError, type FieldErrors } from '@/lib/errors';
import { MAX_JSON_DEPTH, jsonShapeProblem } from '@/lib/validation/json-shape';
import { readLimitedBody } from './read-limited-body';

export const DEFAULT_BODY_LIMIT = 64 * 1024;

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
  const text = Buffer.from(await readLimitedBody(request, limit)).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_JSON', { userMessage: 'The request body is not valid JSON.' });
  }
  refuseUnsafeJson(json);
  return validateInput(schema, json);
}

/**
 * Postgres text cannot store NUL, so it is refused here with a 422 rather than failing in the
 * database; nesting deeper than any document is refused before a schema recurses into it.
 */
export function refuseUnsafeJson(json: unknown): void {
  const problem = jsonShapeProblem(json);
  if (problem === 'nul') {
    throw new AppError('INVALID_INPUT', { userMessage: 'Text may not contain NUL (\\u0000) characters.' });
  }
  if (problem === 'too-deep') {
    throw new AppError('INVALID_INPUT', {
      userMessage: `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`,
    });
  }
}

/** Validates input from any boundary (JSON, form fields, query) with one 422 shape. */
export function validateInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    const first = parsed.error.issues[0]?.message ?? 'Invalid input.';
    throw new AppError('INVALID_INPUT', { userMessage: first, fieldErrors });
  }
  return parsed.data;
}
