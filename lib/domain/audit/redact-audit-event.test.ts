import { describe, expect, it } from 'vitest';
import { roles } from '../permissions/permissions';
import type { AuditEvent } from './audit-event';
import { describeAuditEvent } from './describe-audit-event';
import { redactAuditEvent } from './redact-audit-event';

const deleted: AuditEvent = {
  action: 'comment.deleted',
  objectType: 'comment',
  before: { annotationId: 'a', articleId: 'b', quote: 'the passage', body: 'What I withdrew' },
};
const invited: AuditEvent = {
  action: 'invitation.created',
  objectType: 'invitation',
  after: { email: 'new.person@example.test', role: 'owner', expiresAt: '2026-12-08T00:00:00.000Z' },
};
const created: AuditEvent = {
  action: 'comment.created',
  objectType: 'comment',
  after: { annotationId: 'a', articleId: 'b', quote: 'the passage', body: 'Still here', mentions: [] },
};

describe('redactAuditEvent', () => {
  for (const role of roles) {
    const full = role === 'owner';
    it(`${full ? 'shows' : 'hides'} deleted comments’ text and invitees’ details for ${role}s`, () => {
      const comment = redactAuditEvent(deleted, role);
      const invitation = redactAuditEvent(invited, role);
      expect(JSON.stringify(comment).includes('What I withdrew')).toBe(full);
      expect(JSON.stringify(invitation).includes('new.person@example.test')).toBe(full);
      expect(describeAuditEvent(comment)).toBe('deleted a comment on “the passage”');
      expect(describeAuditEvent(invitation)).toBe(
        full ? 'invited new.person@example.test as owner' : 'invited someone',
      );
      // What every member may read anyway is left alone.
      expect(redactAuditEvent(created, role)).toEqual(created);
    });
  }

  it('does not change the event it was given', () => {
    redactAuditEvent(deleted, 'viewer');
    expect(deleted.before.body).toBe('What I withdrew');
  });
});
