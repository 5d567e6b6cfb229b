import { z } from 'zod';

/** An audit action name as recorded ("comment.deleted"); other text is refused, not looked up. */
export const ZAuditActionFilter = z
  .string()
  .max(64, 'The action filter is too long.')
  .regex(/^[a-z][a-z_]*(\.[a-z_]+)*$/, 'The action filter must be an action name such as comment.created.');
