import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPEN_REDIRECT_CORPUS, SAFE_CALLBACKS } from '../e2e/fixtures/open-redirect-corpus';
import { parseCallbackUrl, safeCallbackUrl } from './safe-callback-url';

const ORIGIN = 'https://app.invalid';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackUrl('/w/demo?x=1')).toBe('/w/demo?x=1');
    for (const path of SAFE_CALLBACKS) expect(safeCallbackUrl(path)).toBe(path);
  });

  it(`refuses every shape of the open-redirect corpus (${OPEN_REDIRECT_CORPUS.length})`, () => {
    expect(OPEN_REDIRECT_CORPUS.length).toBeGreaterThanOrEqual(50);
    const accepted = OPEN_REDIRECT_CORPUS.filter((url) => safeCallbackUrl(url) !== '/');
    expect(accepted).toEqual([]);
  });

  it('takes the first of repeated parameters', () => {
    expect(safeCallbackUrl(['/a', '/b'])).toBe('/a');
  });

  it('returns ASCII a Location header can carry, re-serialised by the URL parser', () => {
    expect(safeCallbackUrl('/w/café')).toBe('/w/caf%C3%A9');
  });

  it('refuses absolute URLs, even to the app origin: the app only returns to paths', () => {
    expect(parseCallbackUrl('/w/demo', 'https://marginalia.example')).toBe('/w/demo');
    expect(parseCallbackUrl('https://marginalia.example/w/demo', 'https://marginalia.example')).toBeNull();
  });

  it('whatever the input, the result stays on the app origin and is a plain path', () => {
    const pieces = fc.constantFrom(
      '/',
      '\\',
      '.',
      '..',
      '%2e',
      '@',
      ':',
      '\t',
      '\r',
      '\n',
      ' ',
      '\u3000',
      'evil.example',
      '#',
      '?',
      'w',
      '%2F',
      '/',
      '//',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join('')),
        ),
        (value) => {
          const result = safeCallbackUrl(value);
          expect(result.startsWith('/')).toBe(true);
          expect(result.startsWith('//') || result.startsWith('/\\')).toBe(false);
          expect(/[\s\p{Cc}]/u.test(result)).toBe(false);
          expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
