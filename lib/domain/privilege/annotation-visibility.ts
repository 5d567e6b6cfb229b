// Who may read a privileged annotation and its thread: the one rule. The server's query
// filters (server/data/privilege/visible-annotations.ts) are built from the same grants, so a
// page, the API, search, exports, the live stream and History all agree with this predicate.
import { can, rolesWith, type Role } from '../permissions/permissions';

/** The facts the rule reads: whether the annotation is marked, and who wrote it. */
export type PrivilegeFacts = { privilegedAt: Date | string | null; authorId: string | null };
export type Reader = { userId: string; role: Role };

export function isPrivileged(annotation: Pick<PrivilegeFacts, 'privilegedAt'>): boolean {
  return annotation.privilegedAt !== null;
}

/**
 * Everyone in the workspace reads an unmarked annotation; a privileged one only readers with
 * `annotation.read_privileged` on it (editors, owners, and its author). Everyone else gets
 * nothing: not the annotation, its thread, its links, nor its existence.
 */
export function mayReadAnnotation(annotation: PrivilegeFacts, reader: Reader): boolean {
  if (!isPrivileged(annotation)) return true;
  return can(reader.role, 'annotation.read_privileged', { ownerId: annotation.authorId, userId: reader.userId });
}

/** Whether the reader sees every privileged annotation of the workspace (nothing to withhold). */
export function readsAllPrivileged(role: Role): boolean {
  return can(role, 'annotation.read_privileged');
}

/** The roles for which the query filters apply each clause of the rule. */
export const privilegedReaderRoles = {
  /** Read every privileged annotation. */
  any: rolesWith('annotation.read_privileged', 'any'),
  /** Read the privileged annotations they wrote. */
  own: rolesWith('annotation.read_privileged', 'own'),
} as const;
