import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('turns http(s) addresses into links and leaves the rest as text', () => {
    expect(linkify('See https://oig.justice.gov/report.pdf, page 4.')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'link', text: 'https://oig.justice.gov/report.pdf', href: 'https://oig.justice.gov/report.pdf' },
      { type: 'text', text: ', page 4.' },
    ]);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
  ])('never links %s', (text) => {
    expect(linkify(`click ${text} now`).every((segment) => segment.type === 'text')).toBe(true);
  });

  it('keeps markup as text', () => {
    expect(linkify('<img src=x onerror=alert(1)>')).toEqual([{ type: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('keeps a closing bracket that belongs to the address', () => {
    const [, link] = linkify('(see https://en.wikipedia.org/wiki/Rod_Rosenstein_(lawyer))');
    expect(link).toMatchObject({ type: 'link', text: 'https://en.wikipedia.org/wiki/Rod_Rosenstein_(lawyer)' });
  });
});
