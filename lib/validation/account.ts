import './zod-config';
import { z } from 'zod';
import { PASSWORD_MAX, ZEmail, ZSignUp } from './auth';

// The name and password rules are sign-up's, so an account can never be changed into one that
// sign-up would refuse.
const ZNewPassword = ZSignUp.shape.password;

/** A mailed token: 43 base64url characters; anything else is refused before a lookup. */
export const ZAccountToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'This link is not valid. Copy the whole link from the mail.');

export const ZChangeName = z.object({ name: ZSignUp.shape.name });

export const ZDailyDigest = z.object({ enabled: z.boolean({ error: 'Send true or false.' }) });

export const ZChangePassword = z.object({
  currentPassword: z.string().min(1, 'Enter your current password.').max(PASSWORD_MAX),
  newPassword: ZNewPassword,
});

export const ZRequestPasswordReset = z.object({ email: ZEmail });

export const ZResetPassword = z.object({ token: ZAccountToken, password: ZNewPassword });

export const ZVerifyEmail = z.object({ token: ZAccountToken });

export const ZEndSessionsQuery = z.object({ keep: z.enum(['current']).optional() });
