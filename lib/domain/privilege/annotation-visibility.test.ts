import { describe, expect, it } from 'vitest';
import { roles } from '../permissions/permissions';
import { isPrivileged, mayReadAnnotation, privilegedReaderRoles, readsAllPrivileged } from './annotation-visibility';

const author = 'author-1';
const other = 'other-2';
const marked = { privilegedAt: new Date('2026-12-01T10:00:00Z'), authorId: author };
const unmarked = { privilegedAt: null, authorId: author };

describe('mayReadAnnotation', () => {
  it('lets every role read an unmarked annotation', () => {
    for (const role of roles) expect(mayReadAnnotation(unmarked, { userId: other, role })).toBe(true);
  });

  it('lets only editors and owners read someone else’s privileged annotation', () => {
    const readers = roles.filter((role) => mayReadAnnotation(marked, { userId: other, role }));
    expect(readers).toEqual(['owner', 'editor']);
  });

  it('lets the author read their own privileged annotation in any role', () => {
    for (const role of roles) expect(mayReadAnnotation(marked, { userId: author, role })).toBe(true);
  });

  it('treats a privileged annotation whose author is gone as nobody’s own', () => {
    const orphan = { privilegedAt: '2026-12-01T10:00:00Z', authorId: null };
    expect(mayReadAnnotation(orphan, { userId: other, role: 'reviewer' })).toBe(false);
    expect(mayReadAnnotation(orphan, { userId: other, role: 'editor' })).toBe(true);
  });
});

describe('the query filters’ roles', () => {
  it('agree with the predicate', () => {
    expect(privilegedReaderRoles.any).toEqual(['owner', 'editor']);
    expect(privilegedReaderRoles.own).toEqual(['reviewer', 'viewer']);
    for (const role of roles) expect(readsAllPrivileged(role)).toBe(privilegedReaderRoles.any.includes(role));
  });

  it('knows marked from unmarked', () => {
    expect(isPrivileged(marked)).toBe(true);
    expect(isPrivileged(unmarked)).toBe(false);
  });
});
