import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { actions, assertCan, can, isRole, roles, scopeOf, type Action, type Role, type Scope } from './permissions';

// The whole matrix, written out so a change to the table is a visible change here.
const reviewerGrants: Partial<Record<Action, Scope>> = {
  'workspace.read': 'any',
  'article.read': 'any',
  'members.remove': 'own',
  'annotation.read_privileged': 'own',
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
const editorGrants: Partial<Record<Action, Scope>> = {
  ...reviewerGrants,
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
const expected: Record<Role, Partial<Record<Action, Scope>>> = {
  owner: { ...editorGrants, 'members.manage': 'any', 'members.remove': 'any', 'history.read_private': 'any' },
  editor: editorGrants,
  reviewer: reviewerGrants,
  viewer: {
    'workspace.read': 'any',
    'article.read': 'any',
    'members.remove': 'own',
    'annotation.read_privileged': 'own',
  },
};

const me = 'user-1';
const mine = { ownerId: me, userId: me };
const theirs = { ownerId: 'user-2', userId: me };
const nobodys = { ownerId: null, userId: me };

describe('permissions', () => {
  for (const role of roles) {
    for (const action of actions) {
      const scope = expected[role][action] ?? null;
      it(`${role} ${scope ? `may ${action} (${scope})` : `may not ${action}`}`, () => {
        expect(scopeOf(role, action)).toBe(scope);
        expect(can(role, action, mine)).toBe(scope !== null);
        expect(can(role, action, theirs)).toBe(scope === 'any');
        expect(can(role, action, nobodys)).toBe(scope === 'any');
        expect(can(role, action)).toBe(scope === 'any');
        if (scope) expect(() => assertCan(role, action, mine)).not.toThrow();
        else expect(() => assertCan(role, action, mine)).toThrow(AppError);
      });
    }
  }

  it('refuses a viewer their own old comments and annotations, with a 403 that says why', () => {
    for (const action of ['comment.update', 'comment.delete', 'annotation.update', 'annotation.delete'] as const) {
      expect(() => assertCan('viewer', action, mine)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
    expect(() => assertCan('viewer', 'comment.update', mine)).toThrow(/viewers cannot change comments/);
  });

  it('lets nobody edit another member’s comment, not even an owner', () => {
    for (const role of roles) expect(can(role, 'comment.update', theirs)).toBe(false);
  });

  it('recognises roles', () => {
    expect(isRole('editor')).toBe(true);
    expect(isRole('admin')).toBe(false);
  });
});
