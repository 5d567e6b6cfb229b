import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveTitle, parsePlainTextArticle } from './parse-plain-text-article';

const seed = (name: string) => readFileSync(path.join(import.meta.dirname, '../../../prisma/seed-data', name), 'utf8');

describe('parsePlainTextArticle on the seed articles', () => {
  it('takes the headline of the "driving force" article as its title', () => {
    const parsed = parsePlainTextArticle(seed('doj-ig-sessions-rosenstein-driving-force.txt'));
    expect(parsed.titleSource).toBe('first-line');
    expect(parsed.title).toBe(
      'DOJ IG: Jeff Sessions and Rod Rosenstein Were “Driving Force” Behind Trump’s Child Separation',
    );
    expect(parsed.blocks[0]).toEqual({
      type: 'paragraph',
      text: expect.stringMatching(/^Top Justice Department officials were a “driving force”/),
    });
  });

  it('turns short lines ending with a colon into subheadings and drops "Related News"', () => {
    const parsed = parsePlainTextArticle(seed('doj-ig-sessions-rosenstein-driving-force.txt'));
    const headings = parsed.blocks.filter((block) => block.type === 'heading').map((block) => block.text);
    expect(headings).toEqual(['Sessions tried to distance himself', 'Sessions refused interview']);
    expect(parsed.blocks.at(-1)).toEqual({
      type: 'paragraph',
      text: expect.stringMatching(/^“The draft report relied on for this article/),
    });
    expect(parsed.blocks.some((block) => block.text.includes('Related News'))).toBe(false);
    expect(parsed.blocks).toHaveLength(14);
  });

  it('keeps every paragraph of the "blames" article and derives a title from its first sentence', () => {
    const parsed = parsePlainTextArticle(seed('doj-ig-report-blames-sessions-rosenstein.txt'));
    expect(parsed.titleSource).toBe('derived');
    expect(parsed.title).toBe('The Department of Justice Inspector General released a report laying blame for…');
    expect(parsed.blocks).toHaveLength(8);
    expect(parsed.blocks.every((block) => block.type === 'paragraph')).toBe(true);
    expect(parsed.blocks[0]?.text).toMatch(/^The Department of Justice Inspector General released/);
    expect(parsed.blocks.at(-1)?.text).toMatch(/I wish we all had done better,” Rosenstein said in a statement\.$/);
  });
});

describe('parsePlainTextArticle edge cases', () => {
  it('joins soft-wrapped lines inside blank-line separated paragraphs', () => {
    const parsed = parsePlainTextArticle('Headline Here\n\nFirst line\nwraps here.\n\nSecond paragraph.');
    expect(parsed.blocks).toEqual([
      { type: 'paragraph', text: 'First line wraps here.' },
      { type: 'paragraph', text: 'Second paragraph.' },
    ]);
  });

  it('does not treat a lone sentence as a title', () => {
    const parsed = parsePlainTextArticle('Just one sentence here.');
    expect(parsed.titleSource).toBe('derived');
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: 'Just one sentence here.' }]);
  });

  it('handles CRLF, non-breaking spaces and several kinds of trailing debris', () => {
    const parsed = parsePlainTextArticle('A Title\r\n\r\nBody\u00a0text.\r\n\r\nRead more\r\n\r\nAdvertisement\r\n');
    expect(parsed.title).toBe('A Title');
    expect(parsed.blocks).toEqual([{ type: 'paragraph', text: 'Body text.' }]);
  });

  it('names an empty document', () => {
    expect(parsePlainTextArticle('  \n\n ')).toEqual({ title: 'Untitled article', titleSource: 'derived', blocks: [] });
  });

  it('keeps a colon line that is a sentence, not a subheading', () => {
    const parsed = parsePlainTextArticle(
      `Title\n\n${'A long introduction that goes on and on and on and then announces a list '.repeat(2)}:`,
    );
    expect(parsed.blocks[0]?.type).toBe('paragraph');
  });
});

describe('deriveTitle', () => {
  it('uses a short first sentence whole, without its full stop', () => {
    expect(deriveTitle('Officials met on Monday. Then more happened.')).toBe('Officials met on Monday');
  });
  it('keeps abbreviations and non-ASCII intact', () => {
    expect(deriveTitle('Café owners in Zürich protest')).toBe('Café owners in Zürich protest');
  });
});
