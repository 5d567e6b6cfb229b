// Reads a W3C Web Annotation file back into what an import needs: our own collection export
// (with its embedded documents, so annotations land on the same words), and leniently a bare
// list of annotations, one AnnotationPage or one Annotation. Nothing here touches the database;
// every failure is an INVALID_INPUT naming the item and what is wrong with it.
import { z } from 'zod';
import { AppError } from '../../errors';
import { ARTICLE_TEXT_MAX } from '../../validation/articles';
import { COMMENT_MAX_LENGTH } from '../../validation/comments';
import { PRIVILEGE_BASIS_MAX_LENGTH } from '../../validation/privilege';
import { findExactQuote } from '../anchoring/match-quote';
import type { TextPosition, TextQuote } from '../anchoring/types';
import { LINK_TYPES, isLinkType, type LinkType } from '../annotations/link-types';
import { NOTE_MAX_LENGTH, TAGS, isTag, type Tag } from '../annotations/tags';
import { docToPlainText, type ArticleDoc } from '../document/article-doc';
import { normalizeArticleDoc } from '../document/normalize-article-doc';

/** The same bounds as creating annotations and comments through the API. */
export const IMPORT_LIMITS = {
  annotations: 20_000,
  replies: 100_000,
  links: 20_000,
  sources: 1_000,
  quote: 20_000,
  quoteContext: 1_000,
  note: NOTE_MAX_LENGTH,
  reply: COMMENT_MAX_LENGTH,
  title: 300,
  byline: 300,
  sourceUrl: 2_000,
  name: 300,
  ref: 2_000,
} as const;

const MAX_ITEMS = IMPORT_LIMITS.annotations + IMPORT_LIMITS.replies + IMPORT_LIMITS.links;

export type ImportedSource = {
  /** The source's IRI in the file; annotations name it as their target's source. */
  ref: string;
  title: string;
  byline: string | null;
  sourceUrl: string | null;
  /** Midnight UTC of the publication day, as articles store it. */
  publishedAt: Date | null;
  doc: ArticleDoc;
  /** docToPlainText(doc): what positions index into. */
  text: string;
};

/**
 * exact: the quote stands at the file's TextPositionSelector; moved: it was found elsewhere in
 * the source (or the file gave no position); orphaned: it is not in the source's text;
 * unchecked: the file carries no document for the source, so the position is as given.
 */
export type ImportedAnchorState = 'exact' | 'moved' | 'orphaned' | 'unchecked';

export type ImportedAnnotation = {
  ref: string;
  sourceRef: string;
  tag: Tag;
  note: string | null;
  quote: TextQuote;
  /** Where the quote stands in the source's text; null when orphaned (or unchecked without a position). */
  position: TextPosition | null;
  /** The file's TextPositionSelector as given, if any. */
  selectorPosition: TextPosition | null;
  anchorState: ImportedAnchorState;
  creatorName: string | null;
  created: Date | null;
  status: 'open' | 'resolved' | null;
  reviewStatus: 'open' | 'accepted' | 'rejected' | null;
  /** The assignee's name in the file, to map onto a member of the importing workspace. */
  assigneeName: string | null;
  /** Set when the file marks the annotation privileged: the basis, as one line ('' when none was stated). */
  privilegeBasis: string | null;
};

export type ImportedReply = {
  ref: string;
  annotationRef: string;
  /** The reply (in the same thread) this one answers, if it is in the file. */
  parentRef: string | null;
  /** Empty for a deleted comment. */
  body: string;
  deleted: boolean;
  creatorName: string | null;
  created: Date | null;
};

export type ImportedLink = {
  type: LinkType;
  fromRef: string;
  toRef: string;
  creatorName: string | null;
  created: Date | null;
};

export type ParsedImport = {
  label: string | null;
  sources: ImportedSource[];
  annotations: ImportedAnnotation[];
  replies: ImportedReply[];
  links: ImportedLink[];
  /** What was left out, for the person importing: links and replies to annotations not in the file. */
  warnings: string[];
};

type Json = Record<string, unknown>;

function invalid(message: string): never {
  throw new AppError('INVALID_INPUT', { userMessage: message });
}

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The model allows one value wherever it allows a list. */
const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const stringsOf = (value: unknown): string[] => asList(value).filter((item) => typeof item === 'string');

const hasType = (value: Json, type: string) => stringsOf(value.type).includes(type);

const formatCount = (value: number) => value.toLocaleString('en-US');

/** The first issue, worded as "<field> <problem>", e.g. "exact is empty". */
function check<T>(schema: z.ZodType<T>, value: unknown, subject: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  invalid(field ? `${subject}: ${field} ${issue.message}.` : `${subject} ${issue.message}.`);
}

const ZRef = z
  .string({ error: 'must be an IRI (text)' })
  .trim()
  .min(1, 'is empty')
  .max(IMPORT_LIMITS.ref, `is longer than ${formatCount(IMPORT_LIMITS.ref)} characters`);

const ZDateTime = z
  .string({ error: 'must be a date and time' })
  .max(64, 'is not a date and time')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date and time')
  .transform((value) => new Date(value));

const bounded = (max: number) =>
  z.string({ error: 'must be text' }).max(max, `is longer than ${formatCount(max)} characters`);

const ZQuoteSelector = z.object({
  exact: bounded(IMPORT_LIMITS.quote).min(1, 'is empty'),
  prefix: bounded(IMPORT_LIMITS.quoteContext).optional(),
  suffix: bounded(IMPORT_LIMITS.quoteContext).optional(),
});

const ZOffset = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(ARTICLE_TEXT_MAX, `must not be past ${formatCount(ARTICLE_TEXT_MAX)} (the longest article)`);

// An empty range (start = end) is allowed: it is how an orphan without a position is exported.
const ZPositionSelector = z
  .object({ start: ZOffset, end: ZOffset })
  .refine((position) => position.start <= position.end, 'must not end before it starts (start after end)');

/** Our extension keys; another tool may use the same names for something else, so those read as unknown. */
const ZExtensions = z.object({
  status: z.enum(['open', 'resolved']).nullish().catch(null),
  reviewStatus: z.enum(['open', 'accepted', 'rejected']).nullish().catch(null),
  /** Our export names the assignee as a Person; the importer maps the name onto a member. */
  assignee: z
    .object({ name: z.string().trim().min(1).max(200) })
    .nullish()
    .catch(null),
});

const ZPublishedAt = z
  .string({ error: 'must be a date' })
  .max(64, 'is not a date')
  .refine((value) => !Number.isNaN(Date.parse(value)), 'is not a date')
  .transform((value) => new Date(`${new Date(value).toISOString().slice(0, 10)}T00:00:00Z`))
  .nullish();

/** The bounds of lib/validation/articles.ts, worded to follow "Source 2: <field>". */
const ZSource = z.object({
  id: ZRef,
  title: bounded(IMPORT_LIMITS.title).trim().min(1, 'is empty'),
  byline: bounded(IMPORT_LIMITS.byline)
    .trim()
    .nullish()
    .transform((value) => value || null),
  sourceUrl: bounded(IMPORT_LIMITS.sourceUrl)
    .trim()
    .refine((value) => value === '' || (/^https?:\/\//i.test(value) && URL.canParse(value)), {
      message: 'must be a web address starting with http:// or https://',
    })
    .nullish()
    .transform((value) => value || null),
  publishedAt: ZPublishedAt,
  doc: z.unknown(),
});

function readSource(value: unknown, index: number): ImportedSource {
  const subject = `Source ${index + 1}`;
  if (!isObject(value)) invalid(`${subject} is not an object.`);
  const source = check(ZSource, value, subject);
  let doc: ArticleDoc;
  try {
    doc = normalizeArticleDoc(source.doc);
  } catch (error) {
    invalid(`${subject} ("${source.title}") has no valid document: ${(error as Error).message}`);
  }
  const text = docToPlainText(doc);
  if (text.length > ARTICLE_TEXT_MAX) invalid(`${subject} ("${source.title}") is too long to import.`);
  return {
    ref: source.id,
    title: source.title,
    byline: source.byline,
    sourceUrl: source.sourceUrl,
    publishedAt: source.publishedAt ?? null,
    doc,
    text,
  };
}

/** A resource reference: an IRI, or an object naming one as its source or id. */
function refOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return null;
  if (typeof value.source === 'string') return value.source;
  if (isObject(value.source) && typeof value.source.id === 'string') return value.source.id;
  return typeof value.id === 'string' ? value.id : null;
}

function readCommon(item: Json, subject: string) {
  const creator = asList(item.creator)[0];
  const name = isObject(creator) ? (creator.name ?? creator.nickname) : undefined;
  return {
    creatorName:
      name === undefined ? null : check(bounded(IMPORT_LIMITS.name).trim(), name, `${subject}'s creator name`) || null,
    created: item.created === undefined ? null : check(ZDateTime, item.created, `${subject}'s created date`),
  };
}

function readRef(item: Json, subject: string, fallback: string): string {
  return item.id === undefined ? fallback : check(ZRef, item.id, `${subject}'s id`);
}

/** Each textual body's value, with its purposes. */
function textualBodies(item: Json): { purposes: string[]; value: string }[] {
  const bodies = asList(item.body).flatMap((body) =>
    isObject(body) && typeof body.value === 'string' ? [{ purposes: stringsOf(body.purpose), value: body.value }] : [],
  );
  if (typeof item.bodyValue === 'string') bodies.push({ purposes: ['commenting'], value: item.bodyValue });
  return bodies;
}

/** Our tags, whatever their case; anything else is refused rather than guessed. */
function readTag(item: Json, subject: string): Tag {
  const tags = textualBodies(item)
    .filter((body) => body.purposes.includes('tagging'))
    .map((body) => body.value.trim());
  const known = tags.map((tag) => tag.toLowerCase()).find(isTag);
  if (known) return known;
  if (!tags.length) invalid(`${subject} has no tag: give a TextualBody with purpose "tagging" (${TAGS.join(', ')}).`);
  invalid(`${subject} is tagged "${tags[0]!.slice(0, 60)}"; the tags are ${TAGS.join(', ')}.`);
}

function readNote(item: Json, subject: string): string | null {
  const note = textualBodies(item)
    .filter((body) => body.purposes.includes('commenting') || body.purposes.length === 0)
    .map((body) => body.value.trim())
    .filter(Boolean)
    .join('\n\n');
  if (note.length > IMPORT_LIMITS.note)
    invalid(`${subject}'s note is longer than ${formatCount(IMPORT_LIMITS.note)} characters.`);
  return note || null;
}

type ParsedAnnotation = Omit<ImportedAnnotation, 'position' | 'anchorState'>;

function readAnnotation(item: Json, subject: string, index: number): ParsedAnnotation {
  const targets = asList(item.target);
  if (!targets.length) invalid(`${subject} has no target.`);
  const target = targets.find((candidate) => isObject(candidate) && candidate.selector !== undefined) ?? targets[0];
  const selectors = isObject(target) ? asList(target.selector).filter(isObject) : [];
  const quoteSelector = selectors.find((selector) => selector.type === 'TextQuoteSelector');
  if (!quoteSelector) invalid(`${subject} has no TextQuoteSelector.`);
  const quote = check(ZQuoteSelector, quoteSelector, `${subject}'s TextQuoteSelector`);
  const positionSelector = selectors.find((selector) => selector.type === 'TextPositionSelector');
  const checkedPosition = positionSelector
    ? check(ZPositionSelector, positionSelector, `${subject}'s TextPositionSelector`)
    : null;
  // An empty range points at no words: as good as no position selector.
  const selectorPosition = checkedPosition && checkedPosition.start < checkedPosition.end ? checkedPosition : null;
  const sourceRef = isObject(target) ? refOf({ source: target.source }) : null;
  if (!sourceRef) invalid(`${subject}'s target has no source (the article it annotates).`);
  const extensions = check(ZExtensions, item, subject);
  return {
    ref: readRef(item, subject, `_:annotation-${index + 1}`),
    sourceRef: check(ZRef, sourceRef, `${subject}'s target source`),
    tag: readTag(item, subject),
    note: readNote(item, subject),
    quote: { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    selectorPosition,
    ...readCommon(item, subject),
    status: extensions.status ?? null,
    reviewStatus: extensions.reviewStatus ?? null,
    assigneeName: extensions.assignee?.name ?? null,
    privilegeBasis: readPrivilegeBasis(item.privilegeBasis),
  };
}

/**
 * Fails closed: any value at all marks the annotation privileged, since dropping a mark the file
 * carries would show a privileged note to everyone in the importing workspace. A basis that is
 * not one short line is made one (control characters to spaces, cut to the basis limit).
 */
function readPrivilegeBasis(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return '';
  return value
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
    .slice(0, PRIVILEGE_BASIS_MAX_LENGTH);
}

function readReply(item: Json, subject: string, index: number): ImportedReply | null {
  const targetRef = refOf(asList(item.target)[0]);
  if (!targetRef) invalid(`${subject} is a reply without a target.`);
  const deleted = item.deletedAt !== undefined && item.deletedAt !== null;
  const body = deleted ? '' : (textualBodies(item)[0]?.value.trim() ?? '');
  if (body.length > IMPORT_LIMITS.reply)
    invalid(`${subject} is a reply longer than ${formatCount(IMPORT_LIMITS.reply)} characters.`);
  if (!deleted && !body) return null;
  return {
    ref: readRef(item, subject, `_:reply-${index + 1}`),
    annotationRef: check(ZRef, targetRef, `${subject}'s target`),
    parentRef: item.inReplyTo == null ? null : check(ZRef, item.inReplyTo, `${subject}'s inReplyTo`),
    body,
    deleted,
    ...readCommon(item, subject),
  };
}

function readLinkType(item: Json, subject: string): LinkType {
  const values = textualBodies(item)
    .filter((body) => body.purposes.includes('tagging'))
    .map((body) => body.value.trim());
  const type = values.map((value) => value.toLowerCase().replace(/[\s-]+/g, '_')).find(isLinkType);
  if (type) return type;
  invalid(
    values.length
      ? `${subject} links with type "${values[0]!.slice(0, 60)}"; the link types are ${LINK_TYPES.join(', ')}.`
      : `${subject} is a link without a type: give a TextualBody with purpose "tagging" (${LINK_TYPES.join(', ')}).`,
  );
}

function readLink(item: Json, subject: string): ImportedLink {
  const fromRef = refOf(asList(item.target)[0]);
  const toBody = asList(item.body).find(
    (body) => typeof body === 'string' || (isObject(body) && body.source !== undefined),
  );
  const toRef = refOf(toBody);
  if (!fromRef) invalid(`${subject} is a link without a target (the annotation it starts from).`);
  if (!toRef) invalid(`${subject} is a link without a SpecificResource body (the annotation it points to).`);
  return {
    type: readLinkType(item, subject),
    fromRef: check(ZRef, fromRef, `${subject}'s target`),
    toRef: check(ZRef, toRef, `${subject}'s linked annotation`),
    ...readCommon(item, subject),
  };
}

/** The items and embedded sources of whichever shape the file has. */
function unwrap(json: unknown): { items: unknown[]; sources: unknown[]; label: string | null } {
  if (Array.isArray(json)) return { items: json, sources: [], label: null };
  if (!isObject(json)) invalid('The file is not a Web Annotation export: expected a JSON object or array.');
  const morePages = 'Only single-page collections can be imported; this one continues on another page.';
  if (hasType(json, 'AnnotationCollection')) {
    const sources = json.sources ?? json['marginalia:sources'] ?? [];
    if (!Array.isArray(sources)) invalid('The collection\'s "sources" must be a list.');
    const label = typeof json.label === 'string' ? json.label.slice(0, IMPORT_LIMITS.title) : null;
    const first = json.first;
    if (first === undefined) return { items: [], sources, label };
    if (!isObject(first))
      invalid('The collection only links to its annotations; export it with the annotations included.');
    if (first.next !== undefined) invalid(morePages);
    if (!Array.isArray(first.items)) invalid('The collection\'s first page has no "items" list.');
    return { items: first.items, sources, label };
  }
  if (hasType(json, 'AnnotationPage')) {
    if (json.next !== undefined) invalid(morePages);
    if (!Array.isArray(json.items)) invalid('The AnnotationPage has no "items" list.');
    return { items: json.items, sources: [], label: null };
  }
  if (hasType(json, 'Annotation')) return { items: [json], sources: [], label: null };
  invalid(
    'The file is not a Web Annotation export: its type must be AnnotationCollection, AnnotationPage or Annotation.',
  );
}

/** Replies and links by their motivation; everything else is read as a tagging annotation. */
function kindOf(item: unknown): 'annotation' | 'reply' | 'link' {
  const motivations = isObject(item) ? stringsOf(item.motivation) : [];
  return motivations.includes('linking') ? 'link' : motivations.includes('replying') ? 'reply' : 'annotation';
}

function locate(
  text: string,
  quote: TextQuote,
  selector: TextPosition | null,
): Pick<ImportedAnnotation, 'position' | 'anchorState'> {
  if (selector && text.slice(selector.start, selector.end) === quote.exact)
    return { position: selector, anchorState: 'exact' };
  const match = findExactQuote(text, quote, selector?.start ?? 0);
  return match
    ? { position: { start: match.start, end: match.end }, anchorState: 'moved' }
    : { position: null, anchorState: 'orphaned' };
}

function assertLimit(count: number, max: number, what: string): void {
  if (count > max) invalid(`The file has ${formatCount(count)} ${what}; at most ${formatCount(max)} can be imported.`);
}

export function parseAnnotationImport(json: unknown): ParsedImport {
  const { items, sources: rawSources, label } = unwrap(json);
  assertLimit(items.length, MAX_ITEMS, 'items');
  assertLimit(rawSources.length, IMPORT_LIMITS.sources, 'sources');
  // Counted before any item is read, so an oversized file is refused without the work.
  const kinds = items.map(kindOf);
  assertLimit(kinds.filter((kind) => kind === 'annotation').length, IMPORT_LIMITS.annotations, 'annotations');
  assertLimit(kinds.filter((kind) => kind === 'reply').length, IMPORT_LIMITS.replies, 'replies');
  assertLimit(kinds.filter((kind) => kind === 'link').length, IMPORT_LIMITS.links, 'links');

  const sources = rawSources.map(readSource);
  const sourceByRef = new Map<string, ImportedSource>();
  sources.forEach((source, index) => {
    if (sourceByRef.has(source.ref)) invalid(`Source ${index + 1} repeats the id ${source.ref}.`);
    sourceByRef.set(source.ref, source);
  });

  const annotations: ImportedAnnotation[] = [];
  const replies: ImportedReply[] = [];
  const links: ImportedLink[] = [];
  const seenRefs = new Set<string>();
  items.forEach((item, index) => {
    const subject = `Annotation ${index + 1}`;
    if (!isObject(item)) invalid(`${subject} is not an object.`);
    if (kinds[index] === 'link') {
      links.push(readLink(item, subject));
      return;
    }
    const entry = kinds[index] === 'reply' ? readReply(item, subject, index) : readAnnotation(item, subject, index);
    if (!entry) return;
    if (seenRefs.has(entry.ref)) invalid(`${subject} repeats the id ${entry.ref}.`);
    seenRefs.add(entry.ref);
    if ('annotationRef' in entry) {
      replies.push(entry);
      return;
    }
    const source = sourceByRef.get(entry.sourceRef);
    if (!source && sources.length)
      invalid(`${subject} annotates ${entry.sourceRef}, which is not among the file's sources.`);
    annotations.push({
      ...entry,
      ...(source
        ? locate(source.text, entry.quote, entry.selectorPosition)
        : { position: entry.selectorPosition, anchorState: 'unchecked' as const }),
    });
  });

  const annotationRefs = new Set(annotations.map((annotation) => annotation.ref));
  const warnings: string[] = [];
  return {
    label,
    sources,
    annotations,
    replies: resolveReplies(replies, annotationRefs, warnings),
    links: resolveLinks(links, annotationRefs, warnings),
    warnings,
  };
}

/**
 * A reply that targets another reply (a W3C-style chain) joins that reply's thread, answering
 * it; inReplyTo is kept only when it names a reply of the same thread.
 */
function resolveReplies(replies: ImportedReply[], annotationRefs: Set<string>, warnings: string[]): ImportedReply[] {
  const byRef = new Map(replies.map((reply) => [reply.ref, reply]));
  const threadOf = (reply: ImportedReply): string | null => {
    const seen = new Set<string>();
    let current: ImportedReply | undefined = reply;
    while (current && !annotationRefs.has(current.annotationRef)) {
      if (seen.has(current.ref)) return null;
      seen.add(current.ref);
      current = byRef.get(current.annotationRef);
    }
    return current?.annotationRef ?? null;
  };
  const threads = new Map(replies.map((reply) => [reply.ref, threadOf(reply)]));
  const resolved: ImportedReply[] = [];
  for (const reply of replies) {
    const annotationRef = threads.get(reply.ref);
    if (!annotationRef) {
      warnings.push(`A reply to ${reply.annotationRef} was left out: that annotation is not in the file.`);
      continue;
    }
    const parentRef = reply.parentRef ?? (byRef.has(reply.annotationRef) ? reply.annotationRef : null);
    const sameThread = parentRef !== null && parentRef !== reply.ref && threads.get(parentRef) === annotationRef;
    resolved.push({ ...reply, annotationRef, parentRef: sameThread ? parentRef : null });
  }
  return resolved;
}

function resolveLinks(links: ImportedLink[], annotationRefs: Set<string>, warnings: string[]): ImportedLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = `${link.fromRef} ${link.toRef} ${link.type}`;
    if (seen.has(key) || link.fromRef === link.toRef) return false;
    seen.add(key);
    if (annotationRefs.has(link.fromRef) && annotationRefs.has(link.toRef)) return true;
    warnings.push(
      `A "${link.type}" link between ${link.fromRef} and ${link.toRef} was left out: one end is not in the file.`,
    );
    return false;
  });
}
