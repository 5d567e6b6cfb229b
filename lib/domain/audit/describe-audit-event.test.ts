import { describe, expect, it } from 'vitest';
import { describeAuditEvent, type AuditEventView } from './describe-audit-event';

// Partial snapshots on purpose: the sentence reads only some fields.
const event = (action: string, before: unknown, after: unknown) =>
  ({
    id: '1',
    action,
    objectType: 'annotation',
    objectId: 'x',
    actorName: 'Ada',
    before,
    after,
    createdAt: '2026-01-01T00:00:00Z',
  }) as unknown as AuditEventView;

describe('describeAuditEvent', () => {
  it('describes annotation changes with the quote and the tags', () => {
    expect(
      describeAuditEvent(event('annotation.created', null, { quote: 'We need to take away children', tag: 'quote' })),
    ).toBe('tagged “We need to take away children” as Quote');
    expect(
      describeAuditEvent(
        event(
          'annotation.updated',
          { tag: 'quote', note: null, quote: 'x' },
          { tag: 'rebuttal', note: 'n', quote: 'x' },
        ),
      ),
    ).toBe('changed the annotation on “x”: tag Quote → Rebuttal, note changed');
    expect(describeAuditEvent(event('annotation.deleted', { tag: 'finding', quote: 'y' }, null))).toBe(
      'deleted the Finding on “y”',
    );
  });

  it('describes revisions with what happened to the annotations', () => {
    expect(
      describeAuditEvent(
        event('article.revised', null, { number: 3, anchors: { exact: 1, moved: 2, fuzzy: 0, orphaned: 1 } }),
      ),
    ).toBe('saved revision 3 (annotations: 2 moved, 1 orphaned)');
    expect(
      describeAuditEvent(
        event('article.revised', null, { number: 4, anchors: { exact: 0, moved: 0, changed: 2, orphaned: 0 } }),
      ),
    ).toBe('saved revision 4 (annotations: 2 changed)');
    // Older events said "fuzzy".
    expect(describeAuditEvent(event('article.revised', null, { number: 2, anchors: { fuzzy: 1 } }))).toBe(
      'saved revision 2 (annotations: 1 changed)',
    );
  });

  it('says how many imported annotations stayed privileged, when any did', () => {
    expect(describeAuditEvent(event('review.imported', null, { annotations: 12, privileged: 2 }))).toBe(
      'imported a review (12 annotations, 2 privileged)',
    );
    expect(describeAuditEvent(event('review.imported', null, { annotations: 3 }))).toBe(
      'imported a review (3 annotations)',
    );
  });

  it('shortens long quotes and falls back to the action name', () => {
    expect(describeAuditEvent(event('annotation.created', null, { quote: 'x'.repeat(100), tag: 'finding' }))).toMatch(
      /x…” as Finding$/,
    );
    expect(describeAuditEvent(event('something.new', null, null))).toBe('something.new');
  });
});
