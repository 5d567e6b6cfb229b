import { z } from 'zod';

/** Re-confirming an annotation on its new words. */
export const ZConfirmAnnotation = z.object({
  /** The version the client saw; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type TConfirmAnnotation = z.infer<typeof ZConfirmAnnotation>;

/** "Re-anchor here": the passage selected for the annotation, on the revision the page shows. */
export const ZReanchorAnnotation = z
  .object({
    version: z.number().int().min(1),
    revisionId: z.uuid('The revision must be a revision id.'),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    exact: z.string().min(1).max(20_000),
  })
  .refine((input) => input.end > input.start, { message: 'Select at least one character.', path: ['end'] });
export type TReanchorAnnotation = z.infer<typeof ZReanchorAnnotation>;

/** Comparing two revisions of an article: /revisions/diff?from=1&to=3. */
export const ZRevisionDiffQuery = z.object({
  from: z.coerce.number().int().min(1, 'Give revision numbers from 1.'),
  to: z.coerce.number().int().min(1, 'Give revision numbers from 1.'),
});
