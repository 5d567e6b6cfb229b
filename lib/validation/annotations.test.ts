import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../domain/web-annotation/parse';
import {
  commentingAnnotation,
  hypothesisAnnotation,
  wptAnnotation,
} from '../domain/web-annotation/testing/other-tools';
import { ZContainerQuery, ZCreateAnnotation, ZUpdateAnnotation } from './annotations';

const valid = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  body: [
    { type: 'TextualBody', purpose: 'tagging', value: 'quote' },
    { type: 'TextualBody', purpose: 'commenting', value: ' Check the draft. ' },
  ],
  target: {
    source: 'http://localhost/api/articles/01900000-0000-7000-8000-0000000000a1',
    selector: [
      { type: 'TextQuoteSelector', exact: 'We need', prefix: '“', suffix: ' to' },
      { type: 'TextPositionSelector', start: 10, end: 17 },
    ],
  },
};

describe('ZCreateAnnotation', () => {
  it('reads a W3C annotation into tag, note, target with position and quote', () => {
    expect(ZCreateAnnotation.parse(valid)).toEqual({
      tag: 'quote',
      note: 'Check the draft.',
      targets: [
        {
          source: 'http://localhost/api/articles/01900000-0000-7000-8000-0000000000a1',
          position: { start: 10, end: 17 },
          quote: { exact: 'We need', prefix: '“', suffix: ' to' },
          otherSelectors: [],
        },
      ],
      canonical: null,
      via: null,
    });
  });

  it('accepts single objects where the model allows them', () => {
    const parsed = ZCreateAnnotation.parse({
      body: { purpose: 'tagging', value: 'finding' },
      target: { selector: { type: 'TextPositionSelector', start: 0, end: 3 } },
    });
    expect(parsed).toMatchObject({
      tag: 'finding',
      note: null,
      targets: [{ source: null, position: { start: 0, end: 3 } }],
    });
  });

  const ARTICLE = '01900000-0000-7000-8000-0000000000a1';
  const text = 'Intro.\n\nThe report found that the policy was the driving force behind it.';
  const exact = 'the driving force';
  const start = text.indexOf(exact);
  const source = `https://other.example/api/articles/${ARTICLE}`;

  it('reads a Hypothesis annotation: array target, three selectors, a comment without purpose', () => {
    const parsed = ZCreateAnnotation.parse(
      hypothesisAnnotation(source, { exact, prefix: 'policy was ', suffix: ' behind', start }),
    );
    expect(parsed).toMatchObject({
      tag: 'rebuttal',
      note: 'This contradicts the *report*.',
      via: 'https://hypothes.is/a/AbCdEf123',
    });
    const target = resolveTarget(text, ARTICLE, parsed);
    expect(target.range).toEqual({ start, end: start + exact.length });
    expect(target.otherSelectors.map((selector) => selector.type)).toEqual(['RangeSelector']);
  });

  it('reads the W3C test suite annotation (body without purpose, quote only, canonical)', () => {
    const parsed = ZCreateAnnotation.parse(wptAnnotation(source, exact));
    expect(parsed).toMatchObject({
      tag: 'finding',
      note: 'I like this page!',
      canonical: expect.stringMatching(/^urn:uuid:/),
    });
    expect(resolveTarget(text, ARTICLE, parsed).range).toEqual({ start, end: start + exact.length });
  });

  it('reads bodyValue as the note, and refuses it without a review tag, naming the rule', () => {
    expect(ZCreateAnnotation.parse(commentingAnnotation(source, exact))).toMatchObject({ tag: 'quote' });
    const untagged = ZCreateAnnotation.safeParse(commentingAnnotation(source, exact, null));
    expect(untagged.error?.issues[0]?.message).toMatch(/tagging body.*rule "one-review-tag"/);
  });

  it('refuses a target on another document, and a quote that is not in the text', () => {
    const elsewhere = ZCreateAnnotation.parse(wptAnnotation('http://www.example.com/index.html', exact));
    expect(() => resolveTarget(text, ARTICLE, elsewhere)).toThrow(/rule "target-on-article"/);
    const missing = ZCreateAnnotation.parse(wptAnnotation(source, 'not in the article'));
    expect(() => resolveTarget(text, ARTICLE, missing)).toThrow(/rule "text-selector"/);
  });

  it.each([
    ['an unknown tag', { ...valid, body: [{ purpose: 'tagging', value: 'opinion' }] }, 'The tag must be one of'],
    [
      'two tags',
      {
        ...valid,
        body: [
          { purpose: 'tagging', value: 'quote' },
          { purpose: 'tagging', value: 'finding' },
        ],
      },
      'exactly one tagging body',
    ],
    [
      'a body that is another resource',
      { ...valid, body: ['https://example.org/comment/1', { purpose: 'tagging', value: 'quote' }] },
      'rule "textual-bodies"',
    ],
    [
      'an empty range',
      { ...valid, target: { selector: [{ type: 'TextPositionSelector', start: 5, end: 5 }] } },
      'at least one character',
    ],
    ['a negative start', { ...valid, target: { selector: [{ type: 'TextPositionSelector', start: -1, end: 5 }] } }, ''],
    [
      'an oversized note',
      {
        ...valid,
        body: [
          { purpose: 'tagging', value: 'quote' },
          { purpose: 'commenting', value: 'x'.repeat(2001) },
        ],
      },
      'under 2000',
    ],
    [
      'too many other selectors',
      { ...valid, target: { selector: Array.from({ length: 9 }, () => ({ type: 'XPathSelector', value: '/p' })) } },
      'rule "other-selectors"',
    ],
  ])('refuses %s', (_label, input, message) => {
    const result = ZCreateAnnotation.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(' ')).toContain(message);
  });
});

describe('ZUpdateAnnotation', () => {
  it('needs a tag, a note or a status', () => {
    expect(ZUpdateAnnotation.safeParse({ version: 2 }).success).toBe(false);
    expect(ZUpdateAnnotation.parse({ note: null, version: 2 })).toEqual({ note: null, version: 2 });
    expect(ZUpdateAnnotation.parse({ status: 'resolved' })).toEqual({ status: 'resolved' });
    expect(ZUpdateAnnotation.safeParse({ status: 'closed' }).success).toBe(false);
  });
});

describe('ZContainerQuery', () => {
  it('reads page tokens and bounds the page size', () => {
    expect(ZContainerQuery.parse({})).toEqual({ limit: 100 });
    expect(ZContainerQuery.parse({ page: 'last', limit: '5000' })).toEqual({ page: { kind: 'last' }, limit: 500 });
    expect(ZContainerQuery.safeParse({ page: 'after.1.2' }).success).toBe(false);
    expect(ZContainerQuery.safeParse({ limit: 'ten' }).success).toBe(false);
  });
});
