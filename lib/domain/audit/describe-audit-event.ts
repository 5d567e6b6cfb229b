// One sentence per audit event, for the History view and exports.
import { TAG_LABELS, type Tag } from '../annotations/tags';
import type { AuditEvent } from './audit-event';

/** An audit event as History and the review memo show it (already redacted for the reader). */
export type AuditEventView = AuditEvent & {
  /** An opaque cursor, not the log's global sequence. */
  id: string;
  objectId: string;
  actorName: string | null;
  createdAt: string;
};

const tagName = (tag: string) => TAG_LABELS[tag as Tag] ?? tag;
const quoted = (text: string | null | undefined, max = 60) => {
  const value = text ?? '';
  return `“${value.length > max ? `${value.slice(0, max - 1)}…` : value}”`;
};
const detailNames: Record<string, string> = {
  byline: 'byline',
  sourceUrl: 'source URL',
  publishedAt: 'published date',
};

export function describeAuditEvent(event: AuditEvent): string {
  switch (event.action) {
    case 'annotation.created':
      return `tagged ${quoted(event.after.quote)} as ${tagName(event.after.tag)}${event.after.note ? ' with a note' : ''}`;
    case 'annotation.updated': {
      const { before, after } = event;
      const changes: string[] = [];
      if (before.tag !== after.tag) changes.push(`tag ${tagName(before.tag)} → ${tagName(after.tag)}`);
      if (before.note !== after.note) changes.push(after.note ? 'note changed' : 'note removed');
      return `changed the annotation on ${quoted(after.quote)}: ${changes.join(', ') || 'no visible change'}`;
    }
    case 'annotation.reviewed':
      return `marked the ${tagName(event.after.tag)} on ${quoted(event.after.quote)} as ${event.after.reviewStatus}`;
    case 'annotation.assigned':
      return `${event.after.assigneeId ? 'assigned' : 'unassigned'} the ${tagName(event.after.tag)} on ${quoted(event.after.quote)}`;
    case 'annotation.resolved':
      return `resolved the thread on ${quoted(event.after.quote)}`;
    case 'annotation.reopened':
      return `reopened the thread on ${quoted(event.after.quote)}`;
    case 'annotation.privileged':
      return `marked the ${tagName(event.after.tag)} on ${quoted(event.after.quote)} privileged (${event.after.privilegeBasis ?? 'no basis stated'})`;
    case 'annotation.unprivileged':
      return `withdrew privilege from the ${tagName(event.after.tag)} on ${quoted(event.after.quote)}`;
    case 'annotation.deleted':
      return `deleted the ${tagName(event.before.tag)} on ${quoted(event.before.quote)}`;
    case 'comment.created':
      return `commented on ${quoted(event.after.quote)}`;
    case 'comment.edited':
      return `edited a comment on ${quoted(event.after.quote)}`;
    case 'comment.deleted':
      return `deleted a comment on ${quoted(event.before.quote)}`;
    case 'article.created':
      return `added the article ${quoted(event.after.title, 80)}`;
    case 'article.renamed':
      return `renamed the article from ${quoted(event.before.title, 80)} to ${quoted(event.after.title, 80)}`;
    case 'article.status_changed':
      return `set the article status from ${event.before.status.replace('_', ' ')} to ${event.after.status.replace('_', ' ')}`;
    case 'article.details_changed':
      return `changed the article's ${Object.keys(event.after)
        .map((key) => detailNames[key] ?? key)
        .join(', ')}`;
    case 'article.revised': {
      const anchors: Record<string, number | undefined> = event.after.anchors ?? {};
      // Events written before the evidence vocabulary counted "fuzzy" where we now say "changed".
      const count = (state: string) => Number(anchors[state] ?? (state === 'changed' ? anchors.fuzzy : 0) ?? 0);
      const parts = (['moved', 'changed', 'orphaned', 'not_searched'] as const)
        .filter((state) => count(state) > 0)
        .map((state) => `${count(state)} ${state.replace('_', ' ')}`);
      return `saved revision ${event.after.number ?? '?'}${parts.length ? ` (annotations: ${parts.join(', ')})` : ''}`;
    }
    case 'link.created':
      return `linked two annotations (${event.after.type.replace('_', ' ')})`;
    case 'link.deleted':
      return `removed a link between annotations (${event.before.type.replace('_', ' ')})`;
    case 'invitation.created':
      return event.after.email ? `invited ${event.after.email} as ${event.after.role}` : 'invited someone';
    case 'invitation.revoked':
      return event.after?.reason === 'inviter_lost_access'
        ? 'an invitation lapsed: whoever sent it can no longer invite'
        : 'revoked an invitation';
    case 'member.joined':
      return event.after.alreadyMember
        ? 'opened an invitation but was already a member'
        : `joined as ${event.after.role}`;
    case 'member.role_changed':
      return `changed the role of ${event.after.member ?? 'a member'} from ${event.before.role} to ${event.after.role}`;
    case 'member.removed':
      return `removed ${event.before.member ?? 'a member'} (${event.before.role})`;
    case 'member.left':
      return `left the workspace (was ${event.before.role})`;
    case 'workspace.created':
      return 'created the workspace';
    case 'review.imported':
      return `imported a review (${event.after.annotations} annotations${event.after.privileged ? `, ${event.after.privileged} privileged` : ''})`;
    case 'user.signed_up':
      return 'signed up';
    case 'api_token.created':
      return `created the API token ${quoted(event.after.name)}`;
    case 'api_token.revoked':
      return 'revoked an API token';
    case 'annotation.confirmed':
      return `confirmed the ${tagName(event.after.tag)} on the new words ${quoted(event.after.wordsAfter)} (was ${quoted(event.before.wordsBefore)})`;
    case 'annotation.reanchored':
      return `re-anchored the ${tagName(event.after.tag)} from ${quoted(event.before.wordsBefore)} to ${quoted(event.after.wordsAfter)}`;
    case 'user.renamed':
      return `changed their name from ${quoted(event.before.name)} to ${quoted(event.after.name)}`;
    case 'user.email_verified':
      return 'confirmed their email address';
    case 'user.password_reset':
      return 'reset their password by email';
    case 'user.password_changed':
      return 'changed their password';
    default:
      // Rows written before an action joined the vocabulary still read as their name.
      return (event as { action: string }).action;
  }
}
