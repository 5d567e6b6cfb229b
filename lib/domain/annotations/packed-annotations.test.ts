import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRESH_ANNOTATION } from './fresh-annotation';
import { EVIDENCE_STATES } from '../evidence/evidence-state';
import type { AnnotationView } from './annotation-view';
import { packAnnotations, unpackAnnotations } from './packed-annotations';
import { TAGS } from './tags';

const PAGE_REVISION = 'rev-page';
const revision = fc.constantFrom(PAGE_REVISION, 'rev-older');
const orNull = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
const iso = fc.date({ noInvalidDate: true }).map((date) => date.toISOString());

const view: fc.Arbitrary<AnnotationView> = fc
  .record({
    id: fc.uuid(),
    tag: fc.constantFrom(...TAGS),
    note: orNull(fc.string()),
    exact: fc.string(),
    start: fc.nat(1_000),
    length: fc.nat(50),
    state: fc.constantFrom(...EVIDENCE_STATES),
    status: fc.constantFrom('open' as const, 'resolved' as const),
    reviewStatus: fc.constantFrom('open' as const, 'accepted' as const, 'rejected' as const),
    reviewedAt: orNull(iso),
    reviewedById: orNull(fc.constantFrom('u1', 'u2')),
    assigneeId: orNull(fc.constantFrom('u1', 'u2')),
    version: fc.integer({ min: 1, max: 5 }),
    createdAt: iso,
    author: orNull(fc.record({ id: fc.constantFrom('u1', 'u2', 'u3'), name: fc.constantFrom('Ada', 'Ada', 'Bo') })),
    privilegeBasis: orNull(fc.constantFrom('', 'attorney-client')),
    anchoredRevisionId: revision,
    // Same words as now (the usual case), or different words, place or revision.
    tagged: fc.option(
      fc.record({ exact: fc.string(), start: fc.nat(1_000), end: fc.nat(1_000), revisionId: orNull(revision) }),
    ),
    asConfirmed: orNull(fc.record({ exact: fc.string(), at: iso, byId: orNull(fc.constant('u1')) })),
    imported: orNull(fc.record({ creatorName: orNull(fc.string()), at: iso, byId: orNull(fc.constant('u2')) })),
  })
  .map(({ length, tagged, ...rest }) => {
    const end = rest.start + length;
    return {
      ...rest,
      end,
      asTagged: tagged ?? { exact: rest.exact, start: rest.start, end, revisionId: rest.anchoredRevisionId },
    };
  });

describe('packed annotations', () => {
  it('unpack(pack(views)) gives back exactly the views', () => {
    fc.assert(
      fc.property(fc.array(view, { maxLength: 30 }), (views) => {
        expect(unpackAnnotations(packAnnotations(views, PAGE_REVISION))).toEqual(views);
      }),
      { numRuns: 300 },
    );
  });

  it('survives the trip through JSON that the page payload takes', () => {
    fc.assert(
      fc.property(fc.array(view, { maxLength: 10 }), (views) => {
        const sent = JSON.parse(JSON.stringify(packAnnotations(views, PAGE_REVISION)));
        expect(unpackAnnotations(sent)).toEqual(views);
      }),
    );
  });

  it('keeps one entry per author and sends a typical annotation in under a third of its plain size', () => {
    const typical = (i: number): AnnotationView => ({
      id: `0193a7c2-0000-7000-8000-${String(i).padStart(12, '0')}`,
      tag: TAGS[i % TAGS.length]!,
      note: null,
      exact: 'the prosecutors had told Sessions they were deeply concerned',
      start: i * 100,
      end: i * 100 + 61,
      state: 'exact',
      ...FRESH_ANNOTATION,
      createdAt: '2026-12-02T10:00:00.000Z',
      author: { id: '0193a7c2-0000-7000-8000-00000000aaaa', name: 'Reviewer A' },
      privilegeBasis: null,
      anchoredRevisionId: PAGE_REVISION,
      asTagged: {
        exact: 'the prosecutors had told Sessions they were deeply concerned',
        start: i * 100,
        end: i * 100 + 61,
        revisionId: PAGE_REVISION,
      },
      asConfirmed: null,
      imported: null,
    });
    const views = Array.from({ length: 200 }, (_, i) => typical(i));
    const packed = packAnnotations(views, PAGE_REVISION);
    expect(packed.authors).toHaveLength(1);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(views).length / 3);
  });
});
