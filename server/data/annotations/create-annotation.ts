import 'server-only';
import type { AnnotationRecord } from '@/lib/domain/annotations/web-annotation';
import { FRESH_ANNOTATION } from '@/lib/domain/annotations/fresh-annotation';
import { freshEvidence } from '@/lib/domain/evidence/annotation-evidence';
import { assertCan } from '@/lib/domain/permissions/permissions';
import { AppError, isAppError } from '@/lib/errors';
import type { TCreateAnnotation } from '@/lib/validation/annotations';
import {
  AnnotationRuleError,
  fromPositionInput,
  resolveTarget,
  type PositionAnnotationInput,
  type ResolvedTarget,
} from '@/lib/domain/web-annotation/parse';
import { db } from '../../db';
import { uuid7 } from '@/lib/uuid7';
import { articleNotFound, getArticleTextForMember } from '../articles/get-article-text-for-member';
import { currentRevisionHint, noteCurrentRevision } from '../articles/current-revision-hint';
import { cachedRevisionText } from '../revisions/revision-text-cache';
import { anchorNewAnnotation } from '../evidence/anchor-new-annotation';
import { annotationRecordSelect, auditSnapshot } from './annotation-record';
import { insertAnnotation, type NewAnnotationRow } from './insert-annotation';

const invalid = (message: string, field = 'target.selector') =>
  new AppError('INVALID_INPUT', { userMessage: message, fieldErrors: { [field]: [message] } });

type Options = {
  userId: string;
  articleId: string;
  input: TCreateAnnotation | PositionAnnotationInput;
  /** The client's Idempotency-Key: the same key again returns the first result instead of a duplicate. */
  idempotencyKey?: string;
};

type Created = { record: AnnotationRecord; replayed: boolean };

type ArticleOnRevision = { id: string; workspaceId: string; revisionId: string; text: string };

/** Saves racing this create: past this many, the reviewer is asked to try again. */
const ATTEMPTS = 3;

/**
 * Anchors a new annotation to the article's current revision (carried over from an older one);
 * the server derives the context itself. Membership, role and "still the current revision"
 * are checked by the statement that writes (insert-annotation.ts), on every request.
 */
export async function createAnnotation(options: Options): Promise<Created> {
  const input = fromPositionInput(options.input);
  if (!options.idempotencyKey) {
    const created = await createOnHintedRevision(options, input);
    if (created) return created;
  }
  for (let attempt = 1; ; attempt++) {
    const article = await getArticleTextForMember(options);
    assertCan(article.role, 'annotation.create');
    if (options.idempotencyKey) {
      const earlier = await findByIdempotencyKey(options.userId, options.idempotencyKey);
      if (earlier)
        return { record: assertSameRequest(earlier, options.articleId, input, article.text), replayed: true };
    }
    const { row, record } = await prepareRow(options, input, article);
    const created = await store(options, input, article.text, row, record);
    if (created) return created;
    if (attempt === ATTEMPTS) {
      throw new AppError('CONFLICT', { userMessage: 'The article is being revised. Please try again.' });
    }
  }
}

/**
 * The common case, in one round trip: the article's current revision as this process last saw
 * it, with its text from memory. Anything this path cannot settle by itself (no hint, a page
 * behind, selectors that do not fit, a revision saved since) goes the looked-up way, where
 * membership is checked before the selectors are judged: a non-member must not learn from a
 * 422 whether a quote is in an article they cannot see.
 */
async function createOnHintedRevision(options: Options, input: TCreateAnnotation): Promise<Created | null> {
  const hint = currentRevisionHint(options.articleId);
  const text = hint && cachedRevisionText(hint.revisionId);
  if (!hint || text === undefined || (input.revisionId && input.revisionId !== hint.revisionId)) return null;
  let prepared: Awaited<ReturnType<typeof prepareRow>>;
  try {
    prepared = await prepareRow(options, input, { id: options.articleId, ...hint, text });
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
  return store(options, input, text, prepared.row, prepared.record);
}

/** The row and its record (as the response and the audit event show it); throws 422/409 for selectors that do not fit. */
async function prepareRow(options: Options, input: TCreateAnnotation, article: ArticleOnRevision) {
  // Other tools' selectors (kept, not read) come from the text the client selected on.
  let otherSelectors: ResolvedTarget['otherSelectors'] = [];
  const {
    tagged,
    taggedRevisionId,
    current: anchor,
    state,
  } = await anchorNewAnnotation({
    article,
    revisionId: input.revisionId,
    resolve: (madeOn) => {
      const target = resolveOrRefuse(madeOn, article.id, input);
      otherSelectors = target.otherSelectors;
      return target.range;
    },
  });
  const now = new Date();
  const evidence = freshEvidence(tagged, taggedRevisionId);
  const row: NewAnnotationRow = {
    id: uuid7(),
    workspaceId: article.workspaceId,
    articleId: article.id,
    revisionId: article.revisionId,
    authorId: options.userId,
    tag: input.tag,
    note: input.note,
    quoteExact: anchor.quote.exact,
    quotePrefix: anchor.quote.prefix,
    quoteSuffix: anchor.quote.suffix,
    posStart: anchor.position.start,
    posEnd: anchor.position.end,
    anchorState: state,
    ...evidence,
    createdAt: now,
    updatedAt: now,
    extraSelectors: otherSelectors.length ? otherSelectors : null,
    canonical: input.canonical,
    via: input.via,
    idempotencyKey: options.idempotencyKey ?? null,
  };
  const { idempotencyKey: _key, extraSelectors, authorId: _author, ...fields } = row;
  const record: Omit<AnnotationRecord, 'author'> = {
    ...fields,
    ...evidence,
    extraSelectors: extraSelectors ?? undefined,
    ...FRESH_ANNOTATION,
    privilegedAt: null,
    privilegeBasis: null,
  };
  return { row, record };
}

/** Writes row and audit event; null when a revision was saved since (the caller looks again). */
async function store(
  options: Options,
  input: TCreateAnnotation,
  text: string,
  row: NewAnnotationRow,
  record: Omit<AnnotationRecord, 'author'>,
): Promise<Created | null> {
  let outcome: Awaited<ReturnType<typeof insertAnnotation>>;
  try {
    outcome = await insertAnnotation(row, {
      workspaceId: row.workspaceId,
      actorId: options.userId,
      action: 'annotation.created',
      objectType: 'annotation',
      objectId: row.id,
      after: auditSnapshot({ ...record, author: null }),
    });
  } catch (error) {
    // The same key raced in twice: the other request stored it first, so answer with its result.
    if (options.idempotencyKey && isUniqueViolation(error)) {
      const earlier = await findByIdempotencyKey(options.userId, options.idempotencyKey);
      if (earlier) return { record: assertSameRequest(earlier, options.articleId, input, text), replayed: true };
    }
    throw error;
  }
  switch (outcome.kind) {
    case 'written':
      return { record: { ...record, author: { id: options.userId, name: outcome.userName } }, replayed: false };
    case 'not-found':
      throw articleNotFound();
    case 'forbidden':
      assertCan(outcome.role, 'annotation.create');
      throw articleNotFound();
    case 'revised':
      noteCurrentRevision(row.articleId, { workspaceId: outcome.workspaceId, revisionId: outcome.revisionId });
      return null;
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === '23505';

function resolveOrRefuse(text: string, articleId: string, input: TCreateAnnotation): ResolvedTarget {
  try {
    return resolveTarget(text, articleId, input);
  } catch (error) {
    if (error instanceof AnnotationRuleError) throw invalid(error.message, error.field);
    throw error;
  }
}

function findByIdempotencyKey(userId: string, idempotencyKey: string): Promise<AnnotationRecord | null> {
  // privilege: the caller's own annotation, found by their own idempotency key.
  return db().annotation.findUnique({
    where: { authorId_idempotencyKey: { authorId: userId, idempotencyKey } },
    select: annotationRecordSelect,
  });
}

/** A key names one request: reusing it for a different annotation is a client bug, refused loudly. */
function assertSameRequest(
  earlier: AnnotationRecord,
  articleId: string,
  input: TCreateAnnotation,
  text: string,
): AnnotationRecord {
  let range: ResolvedTarget['range'] | null = null;
  try {
    range = resolveTarget(text, articleId, input).range;
  } catch {
    // The text changed since: the key is still the same request when everything else is.
    range = { start: earlier.taggedStart, end: earlier.taggedEnd };
  }
  const same =
    earlier.articleId === articleId &&
    earlier.tag === input.tag &&
    (earlier.note ?? null) === (input.note ?? null) &&
    earlier.taggedStart === range.start &&
    earlier.taggedEnd === range.end;
  if (!same) {
    throw new AppError('INVALID_INPUT', {
      userMessage: 'This Idempotency-Key was already used for a different annotation. Use a new key for a new request.',
      fieldErrors: { 'idempotency-key': ['Already used for a different request.'] },
    });
  }
  return earlier;
}
