import { z } from 'zod';

export const ZCreateWorkspace = z.object({
  name: z
    .string({ error: 'Enter a name for the workspace.' })
    .trim()
    .min(1, 'Enter a name for the workspace.')
    .max(120, 'Keep the name under 120 characters.'),
});
export type TCreateWorkspace = z.infer<typeof ZCreateWorkspace>;
