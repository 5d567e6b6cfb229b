import { z } from 'zod';

export const ZExportQuery = z.object({
  format: z
    .enum(['jsonld', 'csv', 'privilege-log'], { error: 'The format must be jsonld, csv or privilege-log.' })
    .default('jsonld'),
  article: z.uuid('The article must be an article id.').optional(),
  /** Privileged notes are left out unless the exporter asks (and then only those they may read). */
  privileged: z.enum(['include', 'omit'], { error: 'privileged must be include or omit.' }).default('omit'),
});
