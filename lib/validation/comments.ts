import { z } from 'zod';

export const COMMENT_MAX_LENGTH = 5_000;

const ZBody = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(COMMENT_MAX_LENGTH, `Keep comments under ${COMMENT_MAX_LENGTH} characters.`);

export const ZCreateComment = z.object({ body: ZBody });
export const ZUpdateComment = z.object({ body: ZBody, version: z.number().int().min(1) });
