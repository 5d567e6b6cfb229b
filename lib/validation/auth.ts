import './zod-config';
import { z } from 'zod';
import { ZDisplayName } from './display-name';

// OWASP ASVS: at least 8 characters (we ask 10), allow long passphrases, cap to bound hashing cost.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const ZEmail = z
  .string()
  .trim()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email('Enter a valid email address.'))
  .transform((email) => email.toLowerCase());

export const ZSignUp = z.object({
  name: ZDisplayName,
  email: ZEmail,
  password: z
    .string()
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type TSignIn = z.infer<typeof ZSignIn>;
