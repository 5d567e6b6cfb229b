import { z } from 'zod';

export const ZRenameArticle = z.object({
  title: z.string().trim().min(1, 'Enter a title.').max(300, 'Keep the title under 300 characters.'),
});
export type TRenameArticle = z.infer<typeof ZRenameArticle>;
