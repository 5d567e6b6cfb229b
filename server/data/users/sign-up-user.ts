import 'server-only';
import { randomBytes } from 'node:crypto';
import { AppError } from '@/lib/errors';
import { personalWorkspaceName, workspaceSlug } from '@/lib/domain/workspaces/workspace-slug';
import type { TSignUp } from '@/lib/validation/auth';
import { hashPassword } from '../../auth/password';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';
import { recordAuditEvent } from '../audit/record-audit-event';

export type SignedUpUser = { id: string; email: string; name: string; workspaceSlug: string };

/** Creates the account and the user's own workspace, where they are the owner. */
export async function signUpUser(input: TSignUp): Promise<SignedUpUser> {
  const passwordHash = await hashPassword(input.password);
  const workspaceName = personalWorkspaceName(input.name);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash },
        select: { id: true, email: true, name: true },
      });
      const workspace = await tx.workspace.create({
        data: {
          name: workspaceName,
          slug: workspaceSlug(workspaceName, randomBytes(3).toString('hex')),
          memberships: { create: { userId: user.id, role: 'owner' } },
        },
      });
      await recordAuditEvent(tx, {
        workspaceId: null,
        actorId: user.id,
        action: 'user.signed_up',
        objectType: 'user',
        objectId: user.id,
        after: { email: user.email, name: user.name },
      });
      await recordAuditEvent(tx, {
        workspaceId: workspace.id,
        actorId: user.id,
        action: 'workspace.created',
        objectType: 'workspace',
        objectId: workspace.id,
        after: { name: workspace.name, slug: workspace.slug, ownerId: user.id },
      });
      return { ...user, workspaceSlug: workspace.slug };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', {
        userMessage: 'An account with this email already exists. Sign in instead.',
        fieldErrors: { email: ['An account with this email already exists.'] },
      });
    }
    throw error;
  }
}
