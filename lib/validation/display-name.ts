import './zod-config';
import { z } from 'zod';
import { cleanDisplayName } from '../domain/people/display-names';

/** Every name a person sets for themselves (sign-up, any later edit): cleaned, then checked. */
export const ZDisplayName = z
  .string({ error: 'Enter your name.' })
  .transform(cleanDisplayName)
  .pipe(z.string().min(1, 'Enter your name.').max(100, 'Keep your name under 100 characters.'));
