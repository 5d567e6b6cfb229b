import 'server-only';
import { privilegedReaderRoles, readsAllPrivileged } from '@/lib/domain/privilege/annotation-visibility';
import { deletedWhilePrivileged } from '@/lib/domain/privilege/withhold-audit-event';
import type { Role } from '@/lib/domain/permissions/permissions';
import { db } from '../../db';
import { Prisma } from '../../generated/prisma/client';

// lib/domain/privilege/annotation-visibility.ts as query filters: every read of annotations,
// comments, links, mentions and assignment notices goes through one of these, so a privileged
// annotation is never read (nor counted) for someone the predicate would refuse.

/**
 * Annotations `userId` may read: unmarked ones, every one for the roles that read all privileged
 * notes, and their own for the others. Self-contained (it joins the membership itself), so it
 * is correct whatever else the query already checked. Put it under `AND` to combine it.
 */
export function visibleAnnotationWhere(userId: string): Prisma.AnnotationWhereInput {
  return {
    OR: [
      { privilegedAt: null },
      { workspace: { memberships: { some: { userId, role: { in: privilegedReaderRoles.any } } } } },
      { authorId: userId, workspace: { memberships: { some: { userId, role: { in: privilegedReaderRoles.own } } } } },
    ],
  };
}

const ALIAS = /^[a-z][a-z0-9_]*$/;

/** The same rule for raw SQL, on the "Annotation" row aliased `alias`. */
export function visibleAnnotationSql(alias: string, userId: string): Prisma.Sql {
  if (!ALIAS.test(alias)) throw new Error(`Not an SQL alias: ${alias}`);
  const a = Prisma.raw(alias);
  const member = (roles: readonly Role[]) => Prisma.sql`EXISTS (
      SELECT 1 FROM "Membership" pm
      WHERE pm."workspaceId" = ${a}."workspaceId" AND pm."userId" = ${userId}::uuid
        AND pm.role::text IN (${roles.length ? Prisma.join(roles) : Prisma.sql`NULL`}))`;
  return Prisma.sql`(${a}."privilegedAt" IS NULL
    OR ${member(privilegedReaderRoles.any)}
    OR (${a}."authorId" = ${userId}::uuid AND ${member(privilegedReaderRoles.own)}))`;
}

/**
 * Ids of the workspace's annotations `userId` (in `role`) may not read, for what cannot be
 * filtered in the query (the audit trail's JSON): privileged ones now, and those deleted while
 * privileged (their earlier entries stay in the log). Empty for editors and owners, unless
 * `everyPrivileged` (an export that leaves privileged notes out, whoever asks for it).
 */
export async function withheldAnnotationIds(options: {
  userId: string;
  role: Role;
  workspaceId: string;
  articleId?: string;
  everyPrivileged?: boolean;
}): Promise<Set<string>> {
  if (!options.everyPrivileged && readsAllPrivileged(options.role)) return new Set();
  const scope = { workspaceId: options.workspaceId, ...(options.articleId ? { articleId: options.articleId } : {}) };
  const [current, deleted] = await Promise.all([
    db().annotation.findMany({
      where: {
        ...scope,
        privilegedAt: { not: null },
        ...(options.everyPrivileged ? {} : { NOT: visibleAnnotationWhere(options.userId) }),
      },
      select: { id: true },
    }),
    db().auditEvent.findMany({
      where: { ...scope, action: 'annotation.deleted', before: { path: ['privileged'], equals: true } },
      select: { objectId: true, action: true, before: true },
    }),
  ]);
  return new Set([
    ...current.map((row) => row.id),
    ...deleted.filter((row) => deletedWhilePrivileged(row)).map((row) => row.objectId),
  ]);
}
