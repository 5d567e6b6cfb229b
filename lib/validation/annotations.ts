import { z } from 'zod';
import { NOTE_MAX_LENGTH, TAGS } from '../domain/annotations/tags';

const ZTagBody = z.object({
  type: z.literal('TextualBody').optional(),
  purpose: z.literal('tagging'),
  value: z.enum(TAGS, { error: `The tag must be one of: ${TAGS.join(', ')}.` }),
});
const ZCommentBody = z.object({
  type: z.literal('TextualBody').optional(),
  purpose: z.literal('commenting'),
  value: z.string().trim().max(NOTE_MAX_LENGTH, `Keep the note under ${NOTE_MAX_LENGTH} characters.`),
  format: z.literal('text/plain').optional(),
});
const ZBody = z.discriminatedUnion('purpose', [ZTagBody, ZCommentBody], {
  error: 'Each body needs a purpose of "tagging" or "commenting".',
});

const ZQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(1_000).optional(),
  suffix: z.string().max(1_000).optional(),
});
const ZPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});
const ZSelector = z.discriminatedUnion('type', [ZQuoteSelector, ZPositionSelector], {
  error: 'Selectors must be TextQuoteSelector or TextPositionSelector.',
});

/** The model allows a single body or selector where a list is expected. */
const asArray = (value: unknown) => (Array.isArray(value) ? value : [value]);

/** A W3C Web Annotation as POSTed: one tagging body, at most one commenting body, quote and position selectors. */
export const ZCreateAnnotation = z
  .object({
    '@context': z.unknown().optional(),
    type: z.literal('Annotation').optional(),
    body: z.preprocess(asArray, z.array(ZBody).min(1, 'Give a tagging body.').max(2, 'Give at most two bodies.')),
    /** The revision the selectors were made on (our `revision` field); a page behind is carried over. */
    revision: z.uuid('The revision must be a revision id.').optional(),
    target: z.object({
      source: z.string().max(2_000).optional(),
      selector: z.preprocess(
        asArray,
        z.array(ZSelector).min(1, 'Give a selector.').max(2, 'Give at most two selectors.'),
      ),
    }),
  })
  .transform((annotation, context) => {
    const tags = annotation.body.filter((body) => body.purpose === 'tagging');
    const notes = annotation.body.filter((body) => body.purpose === 'commenting');
    const position = annotation.target.selector.find((selector) => selector.type === 'TextPositionSelector');
    const quote = annotation.target.selector.find((selector) => selector.type === 'TextQuoteSelector');
    if (tags.length !== 1)
      context.addIssue({ code: 'custom', path: ['body'], message: 'Give exactly one tagging body.' });
    if (notes.length > 1)
      context.addIssue({ code: 'custom', path: ['body'], message: 'Give at most one commenting body.' });
    if (!position) {
      context.addIssue({
        code: 'custom',
        path: ['target', 'selector'],
        message: 'A TextPositionSelector is required.',
      });
    } else if (position.end <= position.start) {
      context.addIssue({
        code: 'custom',
        path: ['target', 'selector'],
        message: 'The selector must cover at least one character.',
      });
    }
    if (tags.length !== 1 || notes.length > 1 || !position || position.end <= position.start) return z.NEVER;
    return {
      tag: tags[0]!.value,
      note: notes[0]?.value || null,
      position: { start: position.start, end: position.end },
      exact: quote?.exact ?? null,
      ...(annotation.revision ? { revisionId: annotation.revision } : {}),
    };
  });
export type TCreateAnnotation = z.infer<typeof ZCreateAnnotation>;

export const ZUpdateAnnotation = z
  .object({
    tag: z.enum(TAGS, { error: `The tag must be one of: ${TAGS.join(', ')}.` }).optional(),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX_LENGTH, `Keep the note under ${NOTE_MAX_LENGTH} characters.`)
      .nullable()
      .optional(),
    /** The review's verdict (editors and owners). */
    reviewStatus: z
      .enum(['open', 'accepted', 'rejected'], { error: 'The review status must be open, accepted or rejected.' })
      .optional(),
    /** Who should look at it next (editors and owners); null clears it. */
    assigneeId: z.uuid('Choose a member of the workspace.').nullable().optional(),
    /** Resolve or reopen the annotation's thread. */
    status: z.enum(['open', 'resolved'], { error: 'The status must be "open" or "resolved".' }).optional(),
    /** The version the client saw; a stale one is refused with 409 instead of overwriting. */
    version: z.number().int().min(1).optional(),
  })
  .refine(
    (patch) =>
      ['tag', 'note', 'status', 'reviewStatus', 'assigneeId'].some(
        (key) => patch[key as keyof typeof patch] !== undefined,
      ),
    {
      message: 'Change the tag, the note, the thread status, the review status or the assignee.',
    },
  );
export type TUpdateAnnotation = z.infer<typeof ZUpdateAnnotation>;

/** An `Idempotency-Key` header: any client-chosen token, e.g. a UUID. */
export const ZIdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'The Idempotency-Key header must be 1–200 visible ASCII characters.')
  .optional();
