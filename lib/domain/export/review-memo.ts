// The review memo as data: per article, findings, quotes and rebuttals in document order with
// their threads and links, a summary, and the audit trail as an appendix. Plain text only; the
// page renders it with React, which escapes everything.
import { passageCiter } from '../citations/cite-passage';
import type { DiffSegment } from '../quote-check/word-diff';
import { onEarlierWording, verdictLabel, wordsDiff } from '../evidence/annotation-evidence';
import { EVIDENCE_STATE_LABELS, isOnCurrentText, type EvidenceState } from '../evidence/evidence-state';
import { LINK_LABELS, type LinkType } from '../annotations/link-types';
import { TAGS, TAG_LABELS, isTag } from '../annotations/tags';
import type { ExportAnnotation, ExportArticle, ExportComment, ExportLink } from './annotation-export';

type ReviewStatus = ExportAnnotation['reviewStatus'];

export type MemoAuditEventInput = { id: string; at: Date; actorName: string | null; summary: string };

/** An annotation outside the memo (e.g. in another article) that a link points at. */
export type MemoLinkedAnnotation = {
  id: string;
  tag: string;
  quoteExact: string;
  articleId: string;
  articleTitle: string;
};

export type ReviewMemoInput = {
  workspaceName: string;
  articles: Pick<ExportArticle, 'id' | 'title' | 'byline' | 'sourceUrl' | 'publishedAt' | 'doc' | 'revision'>[];
  annotations: ExportAnnotation[];
  links: ExportLink[];
  auditEvents: MemoAuditEventInput[];
  /** True when the trail has more events than `auditEvents` (the oldest ones). */
  auditTruncated?: boolean;
  generatedAt: Date;
  generatedBy: string;
  /** Optional: names the far end of links that leave the memo; without it they read "an annotation not in this memo". */
  linkedAnnotations?: MemoLinkedAnnotation[];
};

export type MemoComment = {
  id: string;
  parentId: string | null;
  /** Null when the author's account is gone, or the comment was deleted. */
  author: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  /** "comment deleted" for a deleted comment. */
  body: string;
};

export type MemoLink = {
  id: string;
  type: LinkType;
  direction: 'outgoing' | 'incoming';
  /** "contradicts" going out, "contradicted by" coming in. */
  label: string;
  /** The whole line, e.g. "This finding contradicts → “…” (Article)" or "← rebutted by “…” (Article)". */
  text: string;
  /** Null when the far end is neither in the memo nor among linkedAnnotations. */
  other: {
    id: string;
    /** Set when the far end is in this memo, for an in-page link. */
    anchorId: string | null;
    tag: string;
    tagLabel: string;
    quote: string;
    articleId: string;
    articleTitle: string;
  } | null;
  createdBy: string | null;
  createdAt: Date;
};

export type MemoAnnotation = {
  id: string;
  /** An element id for in-page links ("annotation-<id>"). */
  anchorId: string;
  tag: string;
  tagLabel: string;
  /** The words as tagged (never the rewritten ones). */
  quote: string;
  /** Where the passage stands now: "p. 12" / "pp. 12–13" for a PDF, else "¶ 14"; null for an orphan. */
  citation: string | null;
  /** The words now, where they differ from the words as tagged, with the word-level diff. */
  currentQuote: string | null;
  wordsDiff: DiffSegment[] | null;
  note: string | null;
  author: string | null;
  createdAt: Date;
  reviewStatus: ReviewStatus;
  /** "Accepted", or "Accepted on earlier wording" when the words changed since the verdict. */
  reviewStatusLabel: string;
  onEarlierWording: boolean;
  reviewedAt: Date | null;
  threadStatus: 'open' | 'resolved';
  assignee: string | null;
  anchorState: EvidenceState;
  anchorLabel: string;
  /** The quoted words are gone from the current text: the page should flag it. */
  orphaned: boolean;
  thread: MemoComment[];
  links: MemoLink[];
};

export type MemoSection = { tag: string; heading: string; annotations: MemoAnnotation[] };

export type MemoArticle = {
  id: string;
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  publishedAt: Date | null;
  /** The revision the memo's citations and current words refer to. */
  revision: number;
  annotationCount: number;
  orphanedCount: number;
  /** Findings, Quotes, Rebuttals always (possibly empty), then any other tag present, A–Z. */
  sections: MemoSection[];
};

export type MemoSummary = {
  articles: number;
  annotations: number;
  byTag: { tag: string; label: string; count: number }[];
  byReviewStatus: { status: ReviewStatus; label: string; count: number }[];
  /** Annotations whose thread is open and has at least one comment that is not deleted. */
  openThreads: number;
  orphaned: number;
  /** Verdicts given on words that have changed since: back in the open queue. */
  onEarlierWording: number;
};

export type MemoAuditEntry = MemoAuditEventInput;

export type ReviewMemo = {
  title: string;
  workspaceName: string;
  generatedAt: Date;
  generatedBy: string;
  summary: MemoSummary;
  articles: MemoArticle[];
  /** Oldest first. */
  appendix: MemoAuditEntry[];
  /** The trail goes on past the appendix: the memo says so rather than end silently. */
  appendixTruncated: boolean;
};

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  open: 'Open',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

/** The editor's words for anchor states (lib/domain/evidence), with the memo's longer orphan line. */
export const ANCHOR_STATE_LABELS: Record<EvidenceState, string> = {
  ...EVIDENCE_STATE_LABELS,
  changed: 'Changed: the words differ from the words as tagged',
  orphaned: 'Orphaned: the passage is gone from the current revision',
};

const REVIEW_STATUSES: ReviewStatus[] = ['open', 'accepted', 'rejected'];
const SECTION_HEADINGS = { finding: 'Findings', quote: 'Quotes', rebuttal: 'Rebuttals' } as const;
const LINK_QUOTE_MAX = 120;

const tagLabel = (tag: string) => (isTag(tag) ? TAG_LABELS[tag] : tag);
const sectionHeading = (tag: string) =>
  isTag(tag) ? SECTION_HEADINGS[tag] : tag.charAt(0).toUpperCase() + tag.slice(1);
const anchorIdOf = (id: string) => `annotation-${id}`;
const shortQuote = (quote: string) =>
  `“${quote.length > LINK_QUOTE_MAX ? `${quote.slice(0, LINK_QUOTE_MAX - 1)}…` : quote}”`;
const thisOne = (tag: string) => (isTag(tag) ? `This ${tag}` : 'This annotation');

/** The words now beside the words as tagged; an orphan has no words now (its quote is the tagged one). */
function currentWords(annotation: ExportAnnotation): Pick<MemoAnnotation, 'currentQuote' | 'wordsDiff'> {
  const diff = !isOnCurrentText(annotation.anchorState)
    ? null
    : wordsDiff(annotation.taggedExact, annotation.quoteExact);
  return { currentQuote: diff ? annotation.quoteExact : null, wordsDiff: diff };
}

const documentOrder = (a: ExportAnnotation, b: ExportAnnotation) =>
  a.posStart - b.posStart || a.posEnd - b.posEnd || a.createdAt.getTime() - b.createdAt.getTime();

function toMemoComment(comment: ExportComment): MemoComment {
  const deleted = comment.deletedAt !== null;
  return {
    id: comment.id,
    parentId: comment.parentId,
    author: deleted ? null : (comment.author?.name ?? null),
    createdAt: comment.createdAt,
    editedAt: deleted ? null : comment.editedAt,
    deleted,
    body: deleted ? 'comment deleted' : comment.body,
  };
}

type Far = NonNullable<MemoLink['other']>;

function linkText(from: ExportAnnotation, link: ExportLink, direction: MemoLink['direction'], other: Far | null) {
  const label = LINK_LABELS[link.type][direction].toLowerCase();
  const far = other ? `${shortQuote(other.quote)} (${other.articleTitle})` : 'an annotation not in this memo';
  return {
    label,
    text: direction === 'outgoing' ? `${thisOne(from.tag)} ${label} → ${far}` : `← ${label} ${far}`,
  };
}

export function buildReviewMemo(input: ReviewMemoInput): ReviewMemo {
  const articleIds = new Set(input.articles.map((article) => article.id));
  const titles = new Map(input.articles.map((article) => [article.id, article.title]));
  const included = input.annotations.filter((annotation) => articleIds.has(annotation.articleId));
  const inMemo = new Map(included.map((annotation) => [annotation.id, annotation]));
  const outside = new Map((input.linkedAnnotations ?? []).map((annotation) => [annotation.id, annotation]));

  const describe = (id: string): Far | null => {
    const annotation = inMemo.get(id);
    if (annotation)
      return {
        id,
        anchorId: anchorIdOf(id),
        tag: annotation.tag,
        tagLabel: tagLabel(annotation.tag),
        quote: annotation.quoteExact,
        articleId: annotation.articleId,
        articleTitle: titles.get(annotation.articleId) ?? '',
      };
    const far = outside.get(id);
    if (!far) return null;
    const { tag, quoteExact: quote, articleId, articleTitle } = far;
    return { id, anchorId: null, tag, tagLabel: tagLabel(tag), quote, articleId, articleTitle };
  };

  const linksByAnnotation = new Map<string, ExportLink[]>();
  for (const link of input.links) {
    for (const end of new Set([link.fromAnnotationId, link.toAnnotationId])) {
      const list = linksByAnnotation.get(end) ?? [];
      list.push(link);
      linksByAnnotation.set(end, list);
    }
  }

  const linksOf = (annotation: ExportAnnotation): MemoLink[] =>
    (linksByAnnotation.get(annotation.id) ?? []).map((link) => {
      const direction = link.fromAnnotationId === annotation.id ? 'outgoing' : 'incoming';
      const other = describe(direction === 'outgoing' ? link.toAnnotationId : link.fromAnnotationId);
      return {
        id: link.id,
        type: link.type,
        direction,
        ...linkText(annotation, link, direction, other),
        other,
        createdBy: link.author?.name ?? null,
        createdAt: link.createdAt,
      };
    });

  const citers = new Map(input.articles.map((article) => [article.id, passageCiter(article.doc)]));
  const toMemoAnnotation = (annotation: ExportAnnotation): MemoAnnotation => ({
    id: annotation.id,
    anchorId: anchorIdOf(annotation.id),
    tag: annotation.tag,
    tagLabel: tagLabel(annotation.tag),
    quote: annotation.taggedExact,
    citation:
      citers.get(annotation.articleId)?.(
        annotation.posStart,
        annotation.posEnd,
        !isOnCurrentText(annotation.anchorState),
      ) ?? null,
    ...currentWords(annotation),
    note: annotation.note,
    author: annotation.author?.name ?? null,
    createdAt: annotation.createdAt,
    reviewStatus: annotation.reviewStatus,
    reviewStatusLabel: verdictLabel(annotation.reviewStatus, annotation.anchorState),
    onEarlierWording: onEarlierWording(annotation.reviewStatus, annotation.anchorState),
    reviewedAt: annotation.reviewedAt,
    threadStatus: annotation.status,
    assignee: annotation.assignee?.name ?? null,
    anchorState: annotation.anchorState,
    anchorLabel: ANCHOR_STATE_LABELS[annotation.anchorState],
    orphaned: annotation.anchorState === 'orphaned',
    thread: [...annotation.comments].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map(toMemoComment),
    links: linksOf(annotation),
  });

  const otherTags = [...new Set(included.map((annotation) => annotation.tag).filter((tag) => !isTag(tag)))].sort();
  const tagOrder = [...TAGS, ...otherTags];

  const articles = input.articles.map((article): MemoArticle => {
    const own = included.filter((annotation) => annotation.articleId === article.id).sort(documentOrder);
    return {
      id: article.id,
      title: article.title,
      byline: article.byline,
      sourceUrl: article.sourceUrl,
      publishedAt: article.publishedAt,
      revision: article.revision,
      annotationCount: own.length,
      orphanedCount: own.filter((annotation) => annotation.anchorState === 'orphaned').length,
      sections: tagOrder
        .map((tag) => ({
          tag,
          heading: sectionHeading(tag),
          annotations: own.filter((annotation) => annotation.tag === tag).map(toMemoAnnotation),
        }))
        .filter((section) => isTag(section.tag) || section.annotations.length > 0),
    };
  });

  return {
    // A memo on one article is about that article; on several, about the workspace's review.
    title: `Review memo: ${input.articles.length === 1 ? input.articles[0]!.title : input.workspaceName}`,
    workspaceName: input.workspaceName,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    summary: {
      articles: input.articles.length,
      annotations: included.length,
      byTag: tagOrder.map((tag) => ({
        tag,
        label: tagLabel(tag),
        count: included.filter((annotation) => annotation.tag === tag).length,
      })),
      byReviewStatus: REVIEW_STATUSES.map((status) => ({
        status,
        label: REVIEW_STATUS_LABELS[status],
        count: included.filter((annotation) => annotation.reviewStatus === status).length,
      })),
      openThreads: included.filter(
        (annotation) =>
          annotation.status === 'open' && annotation.comments.some((comment) => comment.deletedAt === null),
      ).length,
      orphaned: included.filter((annotation) => annotation.anchorState === 'orphaned').length,
      onEarlierWording: included.filter((annotation) =>
        onEarlierWording(annotation.reviewStatus, annotation.anchorState),
      ).length,
    },
    articles,
    appendix: [...input.auditEvents].sort((a, b) => a.at.getTime() - b.at.getTime()),
    appendixTruncated: input.auditTruncated ?? false,
  };
}
