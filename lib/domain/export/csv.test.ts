import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
  });
  it('neutralises spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
  it('writes dates as ISO, objects as JSON and nothing for null', () => {
    expect(toCsv(['when', 'what', 'none'], [[new Date('2026-01-02T03:04:05Z'), { a: 1 }, null]])).toBe(
      'when,what,none\r\n2026-01-02T03:04:05.000Z,"{""a"":1}",\r\n',
    );
  });
});
