import { describe, expect, it } from 'vitest';
import { exportFileName } from './export-file-name';

describe('exportFileName', () => {
  const date = new Date('2026-11-23T10:00:00Z');

  it('is the label made safe for every file system, with the date and extension', () => {
    expect(exportFileName('Demo newsroom', date, 'jsonld')).toBe('demo-newsroom-review-2026-11-23.jsonld');
    expect(exportFileName('../../etc/passwd "x"; rm -rf', date, 'csv')).toBe(
      'etc-passwd-x-rm-rf-review-2026-11-23.csv',
    );
    expect(exportFileName('Ünïcödé café', date, 'csv')).toBe('unicode-cafe-review-2026-11-23.csv');
  });

  it('falls back to "review" when nothing of the label is left', () => {
    expect(exportFileName('“”', date, 'csv')).toBe('review-review-2026-11-23.csv');
  });
});
