// The audit trail's vocabulary: one variant per action, with the snapshots it keeps. Writers
// can only record these (server/data/audit/record-audit-event.ts), and readers (history,
// review memo, live updates) switch on `action` instead of parsing JSON by hand.
import type { Role } from '../permissions/permissions';

/** What the log keeps of an annotation, before and after a change. */
export type AnnotationSnapshot = {
  articleId: string;
  tag: string;
  note: string | null;
  quote: string;
  start: number;
  end: number;
  anchorState: string;
  status: string;
  reviewStatus: string;
  assigneeId: string | null;
  revisionId: string;
  version: number;
  /** The words as tagged and the revision they were tagged on (events before #12 lack them). */
  taggedQuote?: string;
  taggedRevisionId?: string;
  /** Marked privileged, and on what basis (events before the privilege log lack them). */
  privileged?: boolean;
  privilegeBasis?: string | null;
};

/** `null` where the reader may not see it (see redact-audit-event.ts). */
type Withheld<T> = T | null;

type LinkSnapshot = {
  type: string;
  articleId: string;
  fromAnnotationId: string;
  toAnnotationId: string;
  toArticleId: string;
};
type MemberSnapshot = { role: Role; member: string; email: string };
export type ArticleDetailsSnapshot = { byline?: string | null; sourceUrl?: string | null; publishedAt?: string | null };

/** A side the action has no snapshot for may be left out (it is stored as NULL). */
type Side<K extends 'before' | 'after', T> = [T] extends [null] ? { [P in K]?: null } : { [P in K]: T };
type Variant<A extends string, O extends string, B, F> = { action: A; objectType: O } & Side<'before', B> &
  Side<'after', F>;

export type AnnotationAuditEvent =
  | Variant<'annotation.created', 'annotation', null, AnnotationSnapshot>
  | Variant<
      | 'annotation.updated'
      | 'annotation.reviewed'
      | 'annotation.assigned'
      | 'annotation.resolved'
      | 'annotation.reopened'
      | 'annotation.privileged'
      | 'annotation.unprivileged',
      'annotation',
      AnnotationSnapshot,
      AnnotationSnapshot
    >
  | Variant<'annotation.deleted', 'annotation', AnnotationSnapshot, null>
  | Variant<
      'annotation.confirmed' | 'annotation.reanchored',
      'annotation',
      AnnotationSnapshot & { wordsBefore: string },
      AnnotationSnapshot & { wordsAfter: string }
    >;

export type CommentAuditEvent =
  | Variant<
      'comment.created',
      'comment',
      null,
      { annotationId: string; articleId: string; quote: string; body: string; mentions: string[] }
    >
  | Variant<
      'comment.edited',
      'comment',
      { body: string; version: number },
      { annotationId: string; articleId: string; quote: string; body: string; version: number }
    >
  | Variant<
      'comment.deleted',
      'comment',
      { annotationId: string; articleId: string; quote: string; body: Withheld<string> },
      null
    >;

export type ArticleAuditEvent =
  | Variant<
      'article.created',
      'article',
      null,
      { title: string; importKey: string | null; contentHash: string; characters: number } & Record<
        string,
        string | number | null
      >
    >
  | Variant<'article.renamed', 'article', { title: string }, { title: string }>
  | Variant<'article.status_changed', 'article', { status: string }, { status: string }>
  | Variant<'article.details_changed', 'article', ArticleDetailsSnapshot, ArticleDetailsSnapshot>
  | Variant<
      'article.revised',
      'article',
      { revisionId: string; number: number },
      {
        revisionId: string;
        number: number;
        contentHash: string;
        anchors: Record<string, number>;
        orphaned: string[];
        /** Annotations the revision's search budget did not reach: kept at their last known place. */
        notSearched?: string[];
        /** Annotations whose words now differ from the words as tagged, with the words before and after. */
        changed?: string[];
        wordChanges?: { id: string; from: string; to: string }[];
      }
    >;

export type LinkAuditEvent =
  | Variant<'link.created', 'annotation_link', null, LinkSnapshot>
  | Variant<'link.deleted', 'annotation_link', LinkSnapshot, null>;

export type WorkspaceAuditEvent =
  | Variant<
      'invitation.created',
      'invitation',
      null,
      { email: Withheld<string>; role: Withheld<Role>; expiresAt: string }
    >
  | Variant<'invitation.revoked', 'invitation', null, { reason: 'inviter_lost_access' } | null>
  | Variant<'member.joined', 'membership', null, { role: Role; invitationId: string; alreadyMember: boolean }>
  | Variant<'member.role_changed', 'membership', MemberSnapshot, MemberSnapshot>
  | Variant<'member.removed' | 'member.left', 'membership', MemberSnapshot, null>
  | Variant<'workspace.created', 'workspace', null, { name: string; slug: string; ownerId: string }>
  | Variant<
      'review.imported',
      'workspace',
      null,
      {
        label: string | null;
        articles: number;
        annotations: number;
        orphaned: number;
        replies: number;
        links: number;
        originalCreators: string[];
        assigneesMapped?: number;
        /** Annotations the file marked privileged, kept privileged (absent in events before this was recorded). */
        privileged?: number;
      }
    >;

export type AccountAuditEvent =
  | Variant<'user.signed_up', 'user', null, { email: string; name: string }>
  | Variant<'api_token.created', 'api_token', null, { name: string; prefix: string }>
  | Variant<'api_token.revoked', 'api_token', null, null>
  | Variant<'user.renamed', 'user', { name: string }, { name: string }>
  | Variant<'user.email_verified', 'user', null, { email: string }>
  | Variant<'user.password_reset', 'user', null, null>
  | Variant<'user.password_changed', 'user', null, { endedSessions: number }>;

/** The events that concern one article: what live updates deliver. */
export type ArticleScopedAuditEvent = AnnotationAuditEvent | CommentAuditEvent | ArticleAuditEvent | LinkAuditEvent;

export type AuditEvent = ArticleScopedAuditEvent | WorkspaceAuditEvent | AccountAuditEvent;
export type AuditAction = AuditEvent['action'];

/** An event as written: who, where and on which object, plus its variant. */
export type AuditEventInput = AuditEvent & { workspaceId: string | null; actorId: string | null; objectId: string };

/** The article an event concerns, kept in its own column for live updates and article history. */
export function auditArticleId(event: AuditEventInput): string | null {
  if (event.objectType === 'article') return event.objectId;
  const snapshot = (event.after ?? event.before) as { articleId?: unknown } | null;
  return typeof snapshot?.articleId === 'string' ? snapshot.articleId : null;
}
