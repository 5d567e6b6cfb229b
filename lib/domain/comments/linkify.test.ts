import { describe, expect, it } from 'vitest';
import { linkify, MAX_LINK_LENGTH } from './linkify';

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

describe('linkify on adversarial comments', () => {
  // 15 comments of "http://a" and ~5,000 ")" froze /inbox for 4 s: the trim re-counted brackets
  // for every character it dropped, ~25 million steps per comment.
  const brackets = (count: number) => `see http://a${')'.repeat(count)}`;

  it('does work linear in the length of the address (operation count)', () => {
    for (const count of [100, 1_000, MAX_LINK_LENGTH - 20]) {
      const meter = { steps: 0 };
      const [, link] = linkify(brackets(count), meter);
      expect(link).toMatchObject({ type: 'link', text: 'http://a' });
      expect(meter.steps).toBeGreaterThanOrEqual(count);
      expect(meter.steps).toBeLessThanOrEqual(2 * (count + 8) + 2);
    }
  });

  it('leaves an address over the length cap as text', () => {
    const text = brackets(5_000);
    expect(linkify(text)).toEqual([{ type: 'text', text }]);
    const long = `http://example.com/${'a'.repeat(MAX_LINK_LENGTH)}`;
    expect(linkify(long)).toEqual([{ type: 'text', text: long }]);
  });

  it('keeps the work linear on a 5,000-character comment of many bracketed addresses', () => {
    const text = `${'http://a))))))))) '.repeat(200)}http://b${'('.repeat(1_000)}${')'.repeat(1_000)}`.slice(0, 5_000);
    const meter = { steps: 0 };
    const segments = linkify(text, meter);
    expect(segments.filter((segment) => segment.type === 'link').length).toBeGreaterThanOrEqual(200);
    expect(meter.steps).toBeGreaterThan(0);
    expect(meter.steps).toBeLessThanOrEqual(2 * text.length);
  });

  it('renders the inbox of the report (15 such comments of 5,000 characters) within a generous bound', () => {
    const comments = Array.from({ length: 15 }, () => brackets(5_000 - 12));
    const started = performance.now();
    for (const comment of comments) linkify(comment);
    // It took 4.4 s before; 500 ms is a hang detector with a wide margin, not a speed target.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
