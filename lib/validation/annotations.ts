import { z } from 'zod';
import { isTag, NOTE_MAX_LENGTH, TAGS, type Tag } from '../domain/annotations/tags';
import { constraintMessage, type ConstraintId } from '../domain/web-annotation/constraints';
import type { ParsedAnnotation, ParsedTarget } from '../domain/web-annotation/parse';
import { PAGE_SIZE, parsePageSize, parsePageToken } from '../domain/web-annotation/paging';
import { SELECTOR_LIMITS } from '../domain/web-annotation/selectors';
import type { OtherSelectorJson } from '../domain/web-annotation/serialize';

/** The model allows a single body, target or selector where a list is expected. */
const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const IRI_MAX = 2_000;
const LIMITS = { bodies: 20, targets: 10, selectors: 12 } as const;
const NOTE_FORMATS = new Set([undefined, 'text/plain', 'text/markdown']);

type Issue = (rule: ConstraintId, detail: string, path: (string | number)[]) => void;

function readBodies(raw: { body?: unknown; bodyValue?: unknown }, issue: Issue) {
  const tags: string[] = [];
  const notes: string[] = [];
  const bodies = asList(raw.body);
  if (bodies.length > LIMITS.bodies) issue('textual-bodies', `Give at most ${LIMITS.bodies} bodies`, ['body']);
  if (raw.bodyValue !== undefined) {
    if (bodies.length) issue('textual-bodies', 'Give body or bodyValue, not both', ['bodyValue']);
    if (typeof raw.bodyValue === 'string') notes.push(raw.bodyValue);
    else issue('one-note', 'bodyValue must be a string', ['bodyValue']);
  }
  bodies.slice(0, LIMITS.bodies).forEach((body, index) => {
    const path = ['body', index];
    if (!isObject(body) || (body.type !== undefined && body.type !== 'TextualBody') || typeof body.value !== 'string') {
      issue('textual-bodies', `Body ${index + 1} is not a TextualBody with a text value`, path);
      return;
    }
    if (body.purpose === 'tagging') tags.push(body.value);
    else if (body.purpose === undefined || body.purpose === 'commenting') {
      if (!NOTE_FORMATS.has(body.format as string | undefined)) {
        issue('one-note', `Body ${index + 1}'s format must be text/plain or text/markdown`, path);
      }
      notes.push(body.value);
    } else issue('one-note', `Body ${index + 1}'s purpose must be "tagging" or "commenting"`, path);
  });
  const known = tags.filter(isTag);
  const unknown = tags.filter((tag) => !isTag(tag));
  if (unknown.length) {
    issue('one-review-tag', `The tag must be one of: ${TAGS.join(', ')} ("${unknown[0]!.slice(0, 40)}" is not)`, [
      'body',
    ]);
  } else if (known.length !== 1) {
    issue(
      'one-review-tag',
      known.length ? 'Give exactly one tagging body' : `Give a tagging body with one of: ${TAGS.join(', ')}`,
      ['body'],
    );
  }
  if (notes.length > 1) issue('one-note', 'Give at most one commenting body', ['body']);
  const note = notes[0]?.trim() ?? '';
  if (note.length > NOTE_MAX_LENGTH) issue('one-note', `Keep the note under ${NOTE_MAX_LENGTH} characters`, ['body']);
  return { tag: known[0] as Tag | undefined, note: note || null };
}

function readSelectors(selectors: unknown[], path: (string | number)[], issue: Issue) {
  let position: ParsedTarget['position'] = null;
  let quote: ParsedTarget['quote'] = null;
  const otherSelectors: OtherSelectorJson[] = [];
  if (selectors.length > LIMITS.selectors) issue('text-selector', `Give at most ${LIMITS.selectors} selectors`, path);
  selectors.slice(0, LIMITS.selectors).forEach((selector, index) => {
    const at = [...path, index];
    if (!isObject(selector) || typeof selector.type !== 'string') {
      issue('text-selector', 'Each selector needs a type', at);
    } else if (selector.type === 'TextPositionSelector' && !position) {
      const { start, end } = selector;
      if (
        !Number.isSafeInteger(start) ||
        !Number.isSafeInteger(end) ||
        (start as number) < 0 ||
        (end as number) <= (start as number)
      ) {
        issue('text-selector', 'The selector must cover at least one character (integer start < end)', at);
      } else position = { start: start as number, end: end as number };
    } else if (selector.type === 'TextQuoteSelector' && !quote) {
      const { exact, prefix = '', suffix = '' } = selector;
      const fits = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;
      if (
        !fits(exact, SELECTOR_LIMITS.exact) ||
        !exact ||
        !fits(prefix, SELECTOR_LIMITS.context) ||
        !fits(suffix, SELECTOR_LIMITS.context)
      ) {
        issue('text-selector', 'The TextQuoteSelector needs exact (and optional prefix and suffix) text', at);
      } else quote = { exact: exact as string, prefix: prefix as string, suffix: suffix as string };
    } else otherSelectors.push(selector as OtherSelectorJson);
  });
  if (otherSelectors.length > SELECTOR_LIMITS.extraSelectors) {
    issue('other-selectors', `Give at most ${SELECTOR_LIMITS.extraSelectors} other selectors`, path);
  } else if (new TextEncoder().encode(JSON.stringify(otherSelectors)).length > SELECTOR_LIMITS.extraSelectorsBytes) {
    issue('other-selectors', `The other selectors take more than ${SELECTOR_LIMITS.extraSelectorsBytes} bytes`, path);
  }
  return { position, quote, otherSelectors };
}

function readTargets(raw: unknown, issue: Issue): ParsedTarget[] {
  const targets = asList(raw);
  if (!targets.length) issue('target-on-article', 'Give a target', ['target']);
  if (targets.length > LIMITS.targets) issue('target-on-article', `Give at most ${LIMITS.targets} targets`, ['target']);
  return targets.slice(0, LIMITS.targets).flatMap((target, index): ParsedTarget[] => {
    const path = Array.isArray(raw) ? ['target', index] : ['target'];
    if (typeof target === 'string') return [{ source: target, position: null, quote: null, otherSelectors: [] }];
    if (!isObject(target)) {
      issue('target-on-article', 'A target is an IRI or an object', path);
      return [];
    }
    const sourceValue = isObject(target.source) ? target.source.id : target.source;
    if (sourceValue !== undefined && (typeof sourceValue !== 'string' || sourceValue.length > IRI_MAX)) {
      issue('target-on-article', "The target's source must be an IRI", [...path, 'source']);
      return [];
    }
    return [{ source: sourceValue ?? null, ...readSelectors(asList(target.selector), [...path, 'selector'], issue) }];
  });
}

/**
 * A W3C Web Annotation as POSTed (or PUT) by any client: our own, Hypothesis, the W3C test
 * suite. Keys we do not read are allowed (and ignored); the rules are those of
 * lib/domain/web-annotation/constraints.ts, each refusal naming its rule.
 */
export const ZCreateAnnotation = z
  .looseObject({
    '@context': z.unknown().optional(),
    body: z.unknown().optional(),
    bodyValue: z.unknown().optional(),
    target: z.unknown(),
    canonical: z.string().max(IRI_MAX).optional(),
    via: z.string().max(IRI_MAX).optional(),
    revision: z.uuid('The revision must be a revision id.').optional(),
  })
  .transform((raw, context): ParsedAnnotation => {
    let failed = false;
    const issue: Issue = (rule, detail, path) => {
      failed = true;
      context.addIssue({ code: 'custom', path, message: constraintMessage(rule, detail) });
    };
    const { tag, note } = readBodies(raw, issue);
    const targets = readTargets(raw.target, issue);
    if (failed || !tag) return z.NEVER;
    return {
      tag,
      note,
      targets,
      canonical: raw.canonical ?? null,
      via: raw.via ?? null,
      ...(raw.revision ? { revisionId: raw.revision } : {}),
    };
  });
export type TCreateAnnotation = z.infer<typeof ZCreateAnnotation>;

export const ZUpdateAnnotation = z
  .object({
    tag: z.enum(TAGS, { error: `The tag must be one of: ${TAGS.join(', ')}.` }).optional(),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX_LENGTH, `Keep the note under ${NOTE_MAX_LENGTH} characters.`)
      .nullable()
      .optional(),
    /** The review's verdict (editors and owners). */
    reviewStatus: z
      .enum(['open', 'accepted', 'rejected'], { error: 'The review status must be open, accepted or rejected.' })
      .optional(),
    /** Who should look at it next (editors and owners); null clears it. */
    assigneeId: z.uuid('Choose a member of the workspace.').nullable().optional(),
    /** Resolve or reopen the annotation's thread. */
    status: z.enum(['open', 'resolved'], { error: 'The status must be "open" or "resolved".' }).optional(),
    /** The version the client saw; a stale one is refused with 409 instead of overwriting. */
    version: z.number().int().min(1).optional(),
  })
  .refine(
    (patch) =>
      ['tag', 'note', 'status', 'reviewStatus', 'assigneeId'].some(
        (key) => patch[key as keyof typeof patch] !== undefined,
      ),
    {
      message: 'Change the tag, the note, the thread status, the review status or the assignee.',
    },
  );
export type TUpdateAnnotation = z.infer<typeof ZUpdateAnnotation>;

/** An `Idempotency-Key` header: any client-chosen token, e.g. a UUID. */
export const ZIdempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{1,200}$/, 'The Idempotency-Key header must be 1–200 visible ASCII characters.')
  .optional();

/** The container's query: `?page=` (a page token), `?limit=` (page size), `?iris=1` (items as IRIs). */
export const ZContainerQuery = z.object({
  page: z
    .string()
    .max(200)
    .transform((token, context) => {
      const request = parsePageToken(token);
      if (!request)
        context.addIssue({ code: 'custom', message: 'Unknown page: follow the first, next and prev links.' });
      return request ?? z.NEVER;
    })
    .optional(),
  limit: z
    .string()
    .optional()
    .transform((value, context) => {
      const size = parsePageSize(value ?? null);
      if (size === null) context.addIssue({ code: 'custom', message: `The limit must be 1-${PAGE_SIZE.max}.` });
      return size ?? z.NEVER;
    }),
  iris: z.enum(['1']).optional(),
});
