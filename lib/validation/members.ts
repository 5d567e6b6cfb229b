import { z } from 'zod';
import { roles } from '../domain/permissions/permissions';
import { ZEmail } from './auth';

export const ZCreateInvitation = z.object({
  email: ZEmail,
  role: z.enum(roles, { error: `The role must be one of: ${roles.join(', ')}.` }),
});
export type TCreateInvitation = z.infer<typeof ZCreateInvitation>;

export const ZChangeRole = z.object({
  role: z.enum(roles, { error: `The role must be one of: ${roles.join(', ')}.` }),
});

export const ZAcceptInvitation = z.object({ token: z.string().min(20).max(200) });
