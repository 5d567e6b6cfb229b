// Annotations as other tools send them, for the parser's tests and the protocol e2e test.

/** A Hypothesis annotation: three selectors, an array target, a comment body without purpose, tags. */
export function hypothesisAnnotation(
  source: string,
  quote: { exact: string; prefix: string; suffix: string; start: number },
) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    id: 'https://hypothes.is/a/AbCdEf123',
    created: '2026-11-20T10:00:00.000Z',
    creator: 'acct:reviewer@hypothes.is',
    body: [
      { type: 'TextualBody', value: 'This contradicts the *report*.', format: 'text/markdown' },
      { type: 'TextualBody', purpose: 'tagging', value: 'rebuttal' },
    ],
    target: [
      {
        source,
        selector: [
          {
            type: 'RangeSelector',
            startSelector: { type: 'XPathSelector', value: '/main[1]/p[2]' },
            endSelector: { type: 'XPathSelector', value: '/main[1]/p[2]' },
          },
          { type: 'TextPositionSelector', start: quote.start, end: quote.start + quote.exact.length },
          { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        ],
      },
    ],
    via: 'https://hypothes.is/a/AbCdEf123',
  };
}

/** The web-platform-tests protocol annotation, pointed at our article and given a tag. */
export function wptAnnotation(source: string, exact: string) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    body: [
      { type: 'TextualBody', value: 'I like this page!' },
      { type: 'TextualBody', purpose: 'tagging', value: 'finding' },
    ],
    target: { source, selector: { type: 'TextQuoteSelector', exact } },
    canonical: 'urn:uuid:dbfb1861-0ecf-41ad-be94-a584e5c4f1df',
  };
}

/** A plain commenting annotation (bodyValue), with the tag the taxonomy asks for. */
export function commentingAnnotation(source: string, exact: string, tag: string | null = 'quote') {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    motivation: 'commenting',
    ...(tag
      ? {
          body: [
            { type: 'TextualBody', purpose: 'tagging', value: tag },
            { type: 'TextualBody', purpose: 'commenting', value: 'See the transcript.' },
          ],
        }
      : { bodyValue: 'See the transcript.' }),
    target: { source, selector: [{ type: 'TextQuoteSelector', exact }] },
  };
}
