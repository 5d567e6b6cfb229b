import { z } from 'zod';

export const ZCreateApiToken = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the token, e.g. after the script that uses it.')
    .max(80, 'Keep the name under 80 characters.'),
});
