import { z } from 'zod';
import { TAGS } from '../domain/annotations/tags';

export const SEARCH_KINDS = ['all', 'articles', 'annotations', 'comments'] as const;

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const ZWorkspaceSearch = z.object({
  q: z
    .string()
    // Postgres text cannot hold NUL; nobody searches for it on purpose.
    .transform((value) => value.replaceAll('\u0000', '').trim())
    .pipe(z.string().max(200, 'Keep the search under 200 characters.'))
    .default(''),
  kind: z.preprocess(emptyToUndefined, z.enum(SEARCH_KINDS).default('all')),
  tag: z.preprocess(
    emptyToUndefined,
    z.enum(TAGS, { error: `The tag must be one of: ${TAGS.join(', ')}.` }).optional(),
  ),
  author: z.preprocess(emptyToUndefined, z.uuid('The author must be a member id.').optional()),
  status: z.preprocess(
    emptyToUndefined,
    z.enum(['open', 'resolved'], { error: 'The status must be open or resolved.' }).optional(),
  ),
});
export type TWorkspaceSearch = z.infer<typeof ZWorkspaceSearch>;
