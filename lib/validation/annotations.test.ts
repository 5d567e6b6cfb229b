import { describe, expect, it } from 'vitest';
import { ZCreateAnnotation, ZUpdateAnnotation } from './annotations';

const valid = {
  '@context': 'http://www.w3.org/ns/anno.jsonld',
  type: 'Annotation',
  body: [
    { type: 'TextualBody', purpose: 'tagging', value: 'quote' },
    { type: 'TextualBody', purpose: 'commenting', value: ' Check the draft. ' },
  ],
  target: {
    source: 'http://localhost/api/articles/x',
    selector: [
      { type: 'TextQuoteSelector', exact: 'We need', prefix: '“', suffix: ' to' },
      { type: 'TextPositionSelector', start: 10, end: 17 },
    ],
  },
};

describe('ZCreateAnnotation', () => {
  it('reads a W3C annotation into tag, note, position and quote', () => {
    expect(ZCreateAnnotation.parse(valid)).toEqual({
      tag: 'quote',
      note: 'Check the draft.',
      position: { start: 10, end: 17 },
      exact: 'We need',
    });
  });

  it('accepts single objects where the model allows them', () => {
    const parsed = ZCreateAnnotation.parse({
      body: { purpose: 'tagging', value: 'finding' },
      target: { selector: { type: 'TextPositionSelector', start: 0, end: 3 } },
    });
    expect(parsed).toEqual({ tag: 'finding', note: null, position: { start: 0, end: 3 }, exact: null });
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
      'no position',
      { ...valid, target: { selector: [{ type: 'TextQuoteSelector', exact: 'x' }] } },
      'TextPositionSelector is required',
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
      'an unknown selector',
      { ...valid, target: { selector: [{ type: 'XPathSelector', value: '/p' }] } },
      'Selectors must be',
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
