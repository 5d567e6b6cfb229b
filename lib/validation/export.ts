import { z } from 'zod';

export const ZExportQuery = z.object({
  format: z.enum(['jsonld', 'csv'], { error: 'The format must be jsonld or csv.' }).default('jsonld'),
  article: z.uuid('The article must be an article id.').optional(),
});
