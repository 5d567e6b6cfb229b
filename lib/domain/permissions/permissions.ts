// Who may do what in a workspace: one table, one checker. Data functions call `assertCan`,
// pages call `can`/`scopeOf` to decide what to offer; nothing else decides authorisation.
import { AppError } from '../../errors';

export const roles = ['owner', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'workspace.read',
  'article.read',
  'article.create',
  'article.edit',
  'annotation.create',
  'annotation.update',
  'annotation.delete',
  'annotation.review',
  /** Mark an annotation (with its thread) privileged and confidential, or unmark it. */
  'annotation.privilege',
  /** Read a privileged annotation and its thread (lib/domain/privilege). */
  'annotation.read_privileged',
  /** The privilege log: what exports withheld, without its content. */
  'privilege_log.export',
  'comment.create',
  'comment.update',
  'comment.delete',
  'link.create',
  'link.delete',
  'members.manage',
  /** Remove a member: your own membership (leave), or anyone's. */
  'members.remove',
  /** The audit trail with what others must not read: deleted comments' text, invitees' emails. */
  'history.read_private',
] as const;
export type Action = (typeof actions)[number];

/**
 * `any`: on every object of the workspace. `own`: only on objects the user made (their
 * annotation, comment, link, membership). A role without the action has no entry, so an
 * own-object rule never outlives the role's write permission (a reviewer demoted to viewer
 * no longer edits their old comments).
 */
export type Scope = 'any' | 'own';
type Grants = Partial<Record<Action, Scope>>;

const viewer: Grants = {
  'workspace.read': 'any',
  'article.read': 'any',
  'members.remove': 'own',
  // An author keeps reading what they wrote, whatever their role became.
  'annotation.read_privileged': 'own',
};
const reviewer: Grants = {
  ...viewer,
  'annotation.create': 'any',
  'annotation.update': 'own',
  'annotation.delete': 'own',
  'annotation.privilege': 'own',
  'comment.create': 'any',
  'comment.update': 'own',
  'comment.delete': 'own',
  'link.create': 'any',
  'link.delete': 'own',
};
const editor: Grants = {
  ...reviewer,
  'article.create': 'any',
  'article.edit': 'any',
  'annotation.update': 'any',
  'annotation.delete': 'any',
  'annotation.review': 'any',
  'annotation.privilege': 'any',
  'annotation.read_privileged': 'any',
  'privilege_log.export': 'any',
  'link.delete': 'any',
};
const owner: Grants = {
  ...editor,
  'members.manage': 'any',
  'members.remove': 'any',
  'history.read_private': 'any',
};

const table: Record<Role, Grants> = { owner, editor, reviewer, viewer };

/** Why an action was refused, in words a member can act on. */
const refusals: Record<Action, string> = {
  'workspace.read': 'You are not a member of this workspace.',
  'article.read': 'You cannot see this article.',
  'article.create': 'Only editors and owners can add articles to this workspace.',
  'article.edit': 'Only editors and owners can edit this article.',
  'annotation.create': 'Viewers cannot annotate. Ask an owner for the reviewer role.',
  'annotation.update': 'Only its author (as a reviewer or above), editors and owners can change this annotation.',
  'annotation.delete': 'Only its author (as a reviewer or above), editors and owners can delete this annotation.',
  'annotation.review': 'Only editors and owners can accept, reject or assign annotations.',
  'annotation.privilege':
    'Only its author (as a reviewer or above), editors and owners can mark this annotation privileged.',
  'annotation.read_privileged': 'This annotation does not exist or you cannot see it.',
  'privilege_log.export': 'Only editors and owners can export the privilege log.',
  'comment.create': 'Viewers cannot comment. Ask an owner for the reviewer role.',
  'comment.update': 'Only its author can change a comment, and viewers cannot change comments.',
  'comment.delete': 'Only its author can delete a comment, and viewers cannot delete comments.',
  'link.create': 'Viewers cannot link annotations.',
  'link.delete': 'Only whoever made the link (as a reviewer or above), editors and owners can remove it.',
  'members.manage': 'Only owners can manage the members of this workspace.',
  'members.remove': 'Only owners can remove other members.',
  'history.read_private': 'Only owners can read the full audit trail.',
};

/** Whose objects the role may act on: every one, only its own, or none. */
export function scopeOf(role: Role, action: Action): Scope | null {
  return table[role][action] ?? null;
}

/**
 * `subject` names the object's owner for own-object rules; without it only an `any` grant
 * allows the action. An object without an owner (its author's account deleted) is nobody's own.
 */
export function can(role: Role, action: Action, subject?: { ownerId: string | null; userId: string }): boolean {
  const scope = scopeOf(role, action);
  if (scope === 'any') return true;
  return scope === 'own' && subject !== undefined && subject.ownerId !== null && subject.ownerId === subject.userId;
}

/** Throws FORBIDDEN (403) unless `can` allows it. */
export function assertCan(role: Role, action: Action, subject?: { ownerId: string | null; userId: string }): void {
  if (!can(role, action, subject)) throw new AppError('FORBIDDEN', { userMessage: refusals[action] });
}

/** Whether `role` is no higher than `ceiling` (owner > editor > reviewer > viewer). */
export function roleAtMost(role: Role, ceiling: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(ceiling);
}

/** The roles that hold `action` on every object of the workspace (for query filters). */
export function rolesWith(action: Action, scope: Scope): Role[] {
  return roles.filter((role) => scopeOf(role, action) === scope);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
