import { describe, expect, it } from 'vitest';
import type { DocNode } from '../document/article-doc';
import { docToPlainText } from '../document/article-doc';
import { PRIVILEGE_LOG_HEADER, privilegeLogCsv, privilegeLogEntries } from './privilege-log';

const text = (value: string): DocNode[] => [{ type: 'text', text: value }];
const pdfDoc: DocNode = {
  type: 'doc',
  content: [
    { type: 'paragraph', attrs: { page: 1 }, content: text('Counsel advised the board on page one.') },
    { type: 'paragraph', attrs: { page: 2 }, content: text('The settlement figure appears on page two.') },
  ],
};
const plain = docToPlainText(pdfDoc);
const at = (words: string) => ({ posStart: plain.indexOf(words), posEnd: plain.indexOf(words) + words.length });
const article = { id: 'art-1', title: 'Board minutes', doc: pdfDoc, revision: 3 };
const base = {
  articleId: 'art-1',
  anchorState: 'exact',
  createdAt: new Date('2026-11-30T09:00:00Z'),
  privilegedAt: new Date('2026-12-01T10:00:00Z'),
  authorName: 'Ada Lovelace',
};

describe('privilegeLogEntries', () => {
  it('numbers entries in document order with the page citation and the stated basis', () => {
    const entries = privilegeLogEntries(
      [article],
      [
        { ...base, ...at('settlement figure'), tag: 'finding', privilegeBasis: 'work product' },
        { ...base, ...at('Counsel advised'), tag: 'quote', privilegeBasis: 'attorney-client' },
      ],
    );
    expect(entries.map((entry) => [entry.number, entry.tag, entry.citation, entry.basis])).toEqual([
      [1, 'Quote', 'p. 1', 'attorney-client'],
      [2, 'Finding', 'p. 2', 'work product'],
    ]);
    expect(entries[0]).toMatchObject({ author: 'Ada Lovelace', article: 'Board minutes', revision: 3 });
  });

  it('leaves out annotations of articles not given, and names a departed author', () => {
    const entries = privilegeLogEntries(
      [article],
      [
        { ...base, ...at('Counsel'), tag: 'quote', privilegeBasis: 'x', authorName: null },
        { ...base, ...at('Counsel'), articleId: 'art-2', tag: 'quote', privilegeBasis: 'y' },
      ],
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.author).toBe('Former member');
  });
});

describe('privilegeLogCsv', () => {
  it('writes the header and one row per entry without any words of the passage', () => {
    const csv = privilegeLogCsv(
      privilegeLogEntries([article], [{ ...base, ...at('settlement figure'), tag: 'finding', privilegeBasis: '=cmd' }]),
    );
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe(PRIVILEGE_LOG_HEADER.join(','));
    expect(row).toContain('p. 2');
    // A basis is user text: a spreadsheet must not run it as a formula.
    expect(row).toContain("'=cmd");
    expect(csv).not.toContain('settlement');
  });

  it('says an orphaned entry has no place rather than leaving the citation blank', () => {
    const csv = privilegeLogCsv(
      privilegeLogEntries(
        [article],
        [{ ...base, ...at('Counsel'), anchorState: 'orphaned', tag: 'quote', privilegeBasis: 'b' }],
      ),
    );
    expect(csv).toContain('orphaned (no place in the current text)');
  });
});
