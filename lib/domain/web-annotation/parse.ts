// Reading an annotation sent by any client (ours, Hypothesis, the W3C test suite…) into
// what we store, and finding the text it selects. The JSON shape is checked by
// lib/validation/annotations.ts; the rules are in constraints.ts.
import type { Tag } from '../annotations/tags';
import { articleIdFromIri } from './iris';
import { constraintMessage, type ConstraintId } from './constraints';
import type { OtherSelectorJson } from './serialize';
import { type TextRange, textPositionToRange, textQuoteToRange } from './selectors';

export type ParsedTarget = {
  /** The target's source IRI; null when the client named none (our own client). */
  source: string | null;
  position: { start: number; end: number } | null;
  quote: { exact: string; prefix: string; suffix: string } | null;
  otherSelectors: OtherSelectorJson[];
};

export type ParsedAnnotation = {
  tag: Tag;
  note: string | null;
  targets: ParsedTarget[];
  canonical: string | null;
  via: string | null;
  /** The revision the selectors were made on (our `revision` field): a page behind is carried over. */
  revisionId?: string;
};

export type ResolvedTarget = { range: TextRange; otherSelectors: OtherSelectorJson[] };

export class AnnotationRuleError extends Error {
  constructor(
    readonly rule: ConstraintId,
    detail: string,
    readonly field = 'target',
  ) {
    super(constraintMessage(rule, detail));
  }
}

/** The target on this article: no source, or a source naming it. */
function targetOnArticle(targets: ParsedTarget[], articleId: string): ParsedTarget {
  const ours = targets.find((target) => target.source === null || articleIdFromIri(target.source) === articleId);
  if (!ours) {
    throw new AnnotationRuleError('target-on-article', 'No target of this annotation is this article');
  }
  return ours;
}

/**
 * The range the annotation selects in `text`. A position is checked against the quote when
 * both are given; a quote alone is looked up by its words and context.
 */
export function resolveTarget(text: string, articleId: string, annotation: ParsedAnnotation): ResolvedTarget {
  const target = targetOnArticle(annotation.targets, articleId);
  const field = 'target.selector';
  if (target.position) {
    const range = textPositionToRange(text, target.position);
    if (!range) {
      throw new AnnotationRuleError(
        'text-selector',
        `The TextPositionSelector [${target.position.start}, ${target.position.end}) is not a range inside the text (${text.length} characters)`,
        field,
      );
    }
    if (target.quote && text.slice(range.start, range.end) !== target.quote.exact) {
      throw new AnnotationRuleError(
        'text-selector',
        'The quote does not match the text at that position (the article may have changed: reload it)',
        field,
      );
    }
    return { range, otherSelectors: target.otherSelectors };
  }
  if (target.quote) {
    const range = textQuoteToRange(text, target.quote);
    if (!range) throw new AnnotationRuleError('text-selector', 'The quoted words are not in the article', field);
    return { range, otherSelectors: target.otherSelectors };
  }
  throw new AnnotationRuleError('text-selector', 'Give a TextPositionSelector or a TextQuoteSelector', field);
}

/** The form server code and tests used before other tools' annotations were accepted. */
export type PositionAnnotationInput = {
  tag: Tag;
  note: string | null;
  position: { start: number; end: number };
  exact: string | null;
  revisionId?: string;
};

export function fromPositionInput(input: ParsedAnnotation | PositionAnnotationInput): ParsedAnnotation {
  if ('targets' in input) return input;
  const quote = input.exact === null ? null : { exact: input.exact, prefix: '', suffix: '' };
  return {
    tag: input.tag,
    note: input.note,
    targets: [{ source: null, position: input.position, quote, otherSelectors: [] }],
    canonical: null,
    via: null,
    ...(input.revisionId ? { revisionId: input.revisionId } : {}),
  };
}
