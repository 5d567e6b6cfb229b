// One sentence per audit event, for the History view and exports.
import { TAG_LABELS, type Tag } from '../annotations/tags';

export type AuditEventView = {
  id: string;
  action: string;
  objectType: string;
  objectId: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
  createdAt: string;
};

type Snapshot = Record<string, unknown> | null;

const asSnapshot = (value: unknown): Snapshot =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
const tagName = (tag: unknown) => TAG_LABELS[tag as Tag] ?? String(tag ?? '');
const quoted = (text: unknown, max = 60) => {
  const value = String(text ?? '');
  return `“${value.length > max ? `${value.slice(0, max - 1)}…` : value}”`;
};

export function describeAuditEvent(event: AuditEventView): string {
  const before = asSnapshot(event.before);
  const after = asSnapshot(event.after);
  switch (event.action) {
    case 'annotation.created':
      return `tagged ${quoted(after?.quote)} as ${tagName(after?.tag)}${after?.note ? ' with a note' : ''}`;
    case 'annotation.updated': {
      const changes: string[] = [];
      if (before?.tag !== after?.tag) changes.push(`tag ${tagName(before?.tag)} → ${tagName(after?.tag)}`);
      if (before?.note !== after?.note) changes.push(after?.note ? 'note changed' : 'note removed');
      return `changed the annotation on ${quoted(after?.quote)}: ${changes.join(', ') || 'no visible change'}`;
    }
    case 'annotation.reviewed':
      return `marked the ${tagName(after?.tag)} on ${quoted(after?.quote)} as ${after?.reviewStatus}`;
    case 'annotation.assigned':
      return after?.assigneeId
        ? `assigned the ${tagName(after?.tag)} on ${quoted(after?.quote)}`
        : `unassigned the ${tagName(after?.tag)} on ${quoted(after?.quote)}`;
    case 'annotation.resolved':
      return `resolved the thread on ${quoted(after?.quote)}`;
    case 'annotation.reopened':
      return `reopened the thread on ${quoted(after?.quote)}`;
    case 'comment.created':
      return `commented on ${quoted(after?.quote)}`;
    case 'comment.edited':
      return `edited a comment on ${quoted(after?.quote)}`;
    case 'comment.deleted':
      return `deleted a comment on ${quoted(before?.quote)}`;
    case 'annotation.deleted':
      return `deleted the ${tagName(before?.tag)} on ${quoted(before?.quote)}`;
    case 'article.created':
      return `added the article ${quoted(after?.title, 80)}`;
    case 'article.renamed':
      return `renamed the article from ${quoted(before?.title, 80)} to ${quoted(after?.title, 80)}`;
    case 'article.status_changed':
      return `set the article status from ${String(before?.status).replace('_', ' ')} to ${String(after?.status).replace('_', ' ')}`;
    case 'article.details_changed':
      return `changed the article's ${Object.keys(after ?? {})
        .map((key) => ({ byline: 'byline', sourceUrl: 'source URL', publishedAt: 'published date' })[key] ?? key)
        .join(', ')}`;
    case 'article.revised': {
      const anchors = asSnapshot(after?.anchors) ?? {};
      // Events written before the evidence vocabulary counted "fuzzy" where we now say "changed".
      const count = (state: string) => Number(anchors[state] ?? (state === 'changed' ? anchors.fuzzy : 0) ?? 0);
      const parts = (['moved', 'changed', 'orphaned'] as const)
        .filter((state) => count(state) > 0)
        .map((state) => `${count(state)} ${state}`);
      return `saved revision ${after?.number ?? '?'}${parts.length ? ` (annotations: ${parts.join(', ')})` : ''}`;
    }
    case 'link.created':
      return `linked two annotations (${String(after?.type).replace('_', ' ')})`;
    case 'link.deleted':
      return `removed a link between annotations (${String(before?.type).replace('_', ' ')})`;
    case 'invitation.created':
      return `invited ${after?.email} as ${after?.role}`;
    case 'invitation.revoked':
      return 'revoked an invitation';
    case 'member.joined':
      return after?.alreadyMember ? 'opened an invitation but was already a member' : `joined as ${after?.role}`;
    case 'member.role_changed':
      return `changed the role of ${after?.member ?? 'a member'} from ${before?.role} to ${after?.role}`;
    case 'member.removed':
      return `removed ${before?.member ?? 'a member'} (${before?.role})`;
    case 'member.left':
      return `left the workspace (was ${before?.role})`;
    case 'workspace.created':
      return `created the workspace`;
    case 'user.signed_up':
      return 'signed up';
    case 'api_token.created':
      return `created the API token ${quoted(after?.name)}`;
    case 'api_token.revoked':
      return 'revoked an API token';
    default:
      return event.action;
  }
}
