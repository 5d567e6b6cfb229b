import { describe, expect, it } from 'vitest';
import { ANNOTATION_CSV_HEADER, annotationCsvRows, annotationsToCsv } from './annotations-csv';
import {
  annotations,
  articles,
  borderArticle,
  claim,
  finding,
  listItem,
  orphan,
  rebuttal,
  reportArticle,
  source,
} from './testing/review-fixture';

/** A strict RFC 4180 reader, to check that what we write reads back cell for cell. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

const csv = annotationsToCsv(annotationCsvRows(articles, annotations));
const [header, ...rows] = parseCsv(csv);
const rowFor = (quote: string) => rows.find((row) => row[2] === quote)!;

describe('annotationsToCsv', () => {
  it('writes the header and one row per annotation, in article then document order', () => {
    expect(header).toEqual(ANNOTATION_CSV_HEADER);
    expect(header!.join(', ')).toBe(
      'article, tag, quote, note, author, status, review status, assignee, anchor state, created, thread size, quote now, word changes, verdict, revision, citation',
    );
    expect(rows.map((row) => row[2])).toEqual(
      [claim, orphan, finding, rebuttal, listItem, source].map((annotation) => annotation.quoteExact),
    );
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
  });

  it('fills the columns, counting only comments that are not deleted', () => {
    expect(rowFor('driving force')).toEqual([
      borderArticle.title,
      'Finding',
      'driving force',
      `'${finding.note}`,
      'Ada Lovelace',
      'open',
      'accepted',
      'Grace "Amazing" Hopper',
      'exact',
      finding.createdAt.toISOString(),
      '2',
      '',
      '',
      'Accepted',
      '1',
      '¶ 1',
    ]);
    expect(rows.find((row) => row[2] === listItem.quoteExact)).toMatchObject({ 4: '', 7: '' });
    expect(rowFor(source.quoteExact)[0]).toBe(reportArticle.title);
    expect(rowFor(orphan.quoteExact)[8]).toBe('orphaned');
    // An orphan has no place in the current text to cite; a passage cites its paragraph.
    expect(rowFor(orphan.quoteExact)[15]).toBe('');
    expect(rows.map((row) => row[15])).toContain('¶ 3');
  });

  it('neutralises a note that a spreadsheet would run as a formula', () => {
    expect(finding.note).toMatch(/^=HYPERLINK\(/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('round-trips commas, quotes and line breaks', () => {
    expect(rowFor(claim.quoteExact)[3]).toBe(claim.note);
    expect(claim.note).toMatch(/,.*".*\n/s);
    expect(rowFor('driving force')[7]).toBe('Grace "Amazing" Hopper');
  });
});
