import { z } from 'zod';
import { ARTICLE_STATUSES } from '../domain/articles/article-status';

const ZTitle = z.string().trim().min(1, 'Enter a title.').max(300, 'Keep the title under 300 characters.');

/** Empty text clears an optional detail; the API takes null as well. */
const emptyToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export const ZByline = z.preprocess(
  emptyToNull,
  z.string().trim().max(300, 'Keep the byline under 300 characters.').nullable(),
);

export const ZSourceUrl = z.preprocess(
  emptyToNull,
  z
    .string()
    .trim()
    .max(2000, 'The source URL is too long.')
    .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), {
      message: 'The source URL must be a web address starting with http:// or https://.',
    })
    .nullable(),
);

export const ZPublishedDate = z.preprocess(
  emptyToNull,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the published date as YYYY-MM-DD.')
    .refine(
      (value) =>
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
      {
        message: 'The published date is not a real date.',
      },
    )
    .nullable(),
);

export const ZUpdateArticle = z
  .object({
    title: ZTitle.optional(),
    status: z.enum(ARTICLE_STATUSES, { error: 'The status must be draft, in_review or done.' }).optional(),
    byline: ZByline.optional(),
    sourceUrl: ZSourceUrl.optional(),
    publishedAt: ZPublishedDate.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'Change the title, status, byline, source URL or published date.',
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

export const ARTICLE_FORMATS = ['text', 'markdown', 'html'] as const;

/** Details that may come with an import; anything left out is taken from the document. */
export const ZArticleImportDetails = z.object({
  title: z.preprocess(emptyToNull, ZTitle.nullable()).optional(),
  byline: ZByline.optional(),
  sourceUrl: ZSourceUrl.optional(),
  publishedAt: ZPublishedDate.optional(),
});
export type TArticleImportDetails = z.infer<typeof ZArticleImportDetails>;

/** Pasted text as JSON. */
export const ZPastedArticle = ZArticleImportDetails.extend({
  text: z.string().max(ARTICLE_TEXT_MAX, 'The text is too long (at most 5 million characters).'),
  format: z.enum(ARTICLE_FORMATS, { error: 'The format must be text, markdown or html.' }).optional(),
}).refine((input) => input.text.trim().length > 0, { message: 'Paste the article text.', path: ['text'] });
export type TPastedArticle = z.infer<typeof ZPastedArticle>;
