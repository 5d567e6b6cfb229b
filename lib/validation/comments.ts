import './zod-config';
import { z } from 'zod';
import { COMMENT_MAX_LENGTH } from './comment-limits';

export { COMMENT_MAX_LENGTH };

const ZBody = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(COMMENT_MAX_LENGTH, `Keep comments under ${COMMENT_MAX_LENGTH} characters.`);

export const MAX_MENTIONS = 20;

export const ZCreateComment = z.object({
  body: ZBody,
  /** Members mentioned with @; each must belong to the annotation's workspace. */
  mentions: z
    .array(z.uuid('Mentions must be member ids.'))
    .max(MAX_MENTIONS, `Mention at most ${MAX_MENTIONS} people.`)
    .optional(),
});
export const ZUpdateComment = z.object({ body: ZBody, version: z.number().int().min(1) });
