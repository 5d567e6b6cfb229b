import { z } from 'zod';
import { ARTICLE_STATUSES } from '../domain/articles/article-status';

export const ZUpdateArticle = z
  .object({
    title: z.string().trim().min(1, 'Enter a title.').max(300, 'Keep the title under 300 characters.').optional(),
    status: z.enum(ARTICLE_STATUSES, { error: 'The status must be draft, in_review or done.' }).optional(),
  })
  .refine((patch) => patch.title !== undefined || patch.status !== undefined, {
    message: 'Change the title or the status.',
  });
export type TUpdateArticle = z.infer<typeof ZUpdateArticle>;

export const ARTICLE_TEXT_MAX = 5_000_000;

const ZDocNode: z.ZodType<unknown> = z.lazy(() =>
  z.object({
    type: z.string().max(40),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(ZDocNode).max(200_000).optional(),
    text: z.string().optional(),
    marks: z
      .array(z.object({ type: z.string().max(40), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
  }),
);

/** A new revision: the editor's document, or plain text (blocks separated by a blank line). */
export const ZSaveRevision = z
  .object({
    baseRevisionId: z.uuid('baseRevisionId must be the id of the revision you edited.'),
    text: z.string().max(ARTICLE_TEXT_MAX, 'The article text is too long.').optional(),
    doc: ZDocNode.optional(),
  })
  .refine((input) => (input.text === undefined) !== (input.doc === undefined), {
    message: 'Send either text or doc.',
  });
export type TSaveRevision = z.infer<typeof ZSaveRevision>;
