import 'server-only';
import { randomBytes } from 'node:crypto';
import { workspaceSlug } from '@/lib/domain/workspaces/workspace-slug';
import type { TCreateWorkspace } from '@/lib/validation/workspaces';
import { db } from '../../db';
import { recordAuditEvent } from '../audit/record-audit-event';

/** A new, empty workspace owned by its creator. */
export async function createWorkspace(options: { userId: string; input: TCreateWorkspace }) {
  return db().$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: {
        name: options.input.name,
        slug: workspaceSlug(options.input.name, randomBytes(3).toString('hex')),
        memberships: { create: { userId: options.userId, role: 'owner' } },
      },
      select: { id: true, name: true, slug: true },
    });
    await recordAuditEvent(tx, {
      workspaceId: workspace.id,
      actorId: options.userId,
      action: 'workspace.created',
      objectType: 'workspace',
      objectId: workspace.id,
      after: { name: workspace.name, slug: workspace.slug, ownerId: options.userId },
    });
    return workspace;
  });
}
