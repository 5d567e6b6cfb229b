import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackUrl('/w/demo?x=1')).toBe('/w/demo?x=1');
  });
  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', ''])(
    'refuses %s',
    (url) => {
      expect(safeCallbackUrl(url)).toBe('/');
    },
  );
  it('takes the first of repeated parameters', () => {
    expect(safeCallbackUrl(['/a', '/b'])).toBe('/a');
  });
});
