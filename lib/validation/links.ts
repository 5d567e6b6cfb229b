import { z } from 'zod';
import { LINK_TYPES } from '../domain/annotations/link-types';

export const ZCreateLink = z.object({
  toAnnotationId: z.uuid('toAnnotationId must be the id of an annotation in this workspace.'),
  type: z.enum(LINK_TYPES, { error: `The link type must be one of: ${LINK_TYPES.join(', ')}.` }),
});
export type TCreateLink = z.infer<typeof ZCreateLink>;

export const ZAnnotationSearch = z.object({
  q: z
    .string()
    // Postgres text cannot hold NUL; nobody searches for it on purpose.
    .transform((value) => value.replaceAll('\u0000', '').trim())
    .pipe(z.string().max(200, 'Keep the search under 200 characters.'))
    .default(''),
  exclude: z.uuid().optional(),
});
