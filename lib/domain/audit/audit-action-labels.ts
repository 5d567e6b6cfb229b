// What each kind of audit entry is called where people pick one (History's "What" filter). A
// Record over AuditAction, so a new action cannot ship without its label.
import type { AuditAction } from './audit-event';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'annotation.created': 'Annotation tagged',
  'annotation.updated': 'Annotation changed',
  'annotation.reviewed': 'Verdict given',
  'annotation.assigned': 'Annotation assigned',
  'annotation.resolved': 'Thread resolved',
  'annotation.reopened': 'Thread reopened',
  'annotation.deleted': 'Annotation deleted',
  'annotation.privileged': 'Marked privileged',
  'annotation.unprivileged': 'Privilege withdrawn',
  'annotation.confirmed': 'Annotation re-confirmed on new words',
  'annotation.reanchored': 'Annotation re-anchored by hand',
  'comment.created': 'Comment posted',
  'comment.edited': 'Comment edited',
  'comment.deleted': 'Comment deleted',
  'article.created': 'Article added',
  'article.renamed': 'Article renamed',
  'article.status_changed': 'Article status changed',
  'article.details_changed': 'Article details changed',
  'article.revised': 'Revision saved',
  'link.created': 'Link made',
  'link.deleted': 'Link removed',
  'invitation.created': 'Invitation sent',
  'invitation.revoked': 'Invitation revoked',
  'member.joined': 'Member joined',
  'member.role_changed': 'Role changed',
  'member.removed': 'Member removed',
  'member.left': 'Member left',
  'workspace.created': 'Workspace created',
  'review.imported': 'Review imported',
  'user.signed_up': 'Account created',
  'user.renamed': 'Name changed',
  'user.email_verified': 'Address confirmed',
  'user.password_reset': 'Password reset',
  'user.password_changed': 'Password changed',
  'api_token.created': 'API token created',
  'api_token.revoked': 'API token revoked',
};

/** The label of a stored action; an action this build does not know (an older row) shows as stored. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
