// Who may do what in a workspace: one table, one checker. Routes and server actions
// call `can`/`assertCan`; nothing else decides authorisation.
export const roles = ['owner', 'editor', 'reviewer', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const actions = [
  'workspace.read',
  'article.read',
  'article.create',
  'article.edit',
  'annotation.create',
  'annotation.update.own',
  'annotation.update.any',
  'annotation.review',
  'comment.create',
  'members.manage',
] as const;
export type Action = (typeof actions)[number];

const reviewerActions: Action[] = [
  'workspace.read',
  'article.read',
  'annotation.create',
  'annotation.update.own',
  'comment.create',
];

const permissions: Record<Role, ReadonlySet<Action>> = {
  viewer: new Set<Action>(['workspace.read', 'article.read']),
  reviewer: new Set<Action>(reviewerActions),
  editor: new Set<Action>([
    ...reviewerActions,
    'article.create',
    'article.edit',
    'annotation.update.any',
    'annotation.review',
  ]),
  owner: new Set<Action>(actions),
};

export function can(role: Role, action: Action): boolean {
  return permissions[role].has(action);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
