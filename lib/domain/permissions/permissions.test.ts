import { describe, expect, it } from 'vitest';
import { actions, can, isRole, roles, type Action, type Role } from './permissions';

// The whole matrix, written out so a change to the table is a visible change here.
const expected: Record<Role, Action[]> = {
  owner: [...actions],
  editor: [
    'workspace.read',
    'article.read',
    'article.create',
    'article.edit',
    'annotation.create',
    'annotation.update.own',
    'annotation.update.any',
    'annotation.review',
    'comment.create',
  ],
  reviewer: ['workspace.read', 'article.read', 'annotation.create', 'annotation.update.own', 'comment.create'],
  viewer: ['workspace.read', 'article.read'],
};

describe('permissions', () => {
  for (const role of roles) {
    for (const action of actions) {
      const allowed = expected[role].includes(action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it('recognises roles', () => {
    expect(isRole('editor')).toBe(true);
    expect(isRole('admin')).toBe(false);
  });
});
