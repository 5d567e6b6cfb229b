// The article page hands every annotation of the article to the browser inside the page itself
// (React's inline flight payload). At 5,000 annotations the plain views were 3.5 MB of that
// payload, most of it repeats: the words as tagged equal the current words, the revision is the
// page's, the author is one of a few, and most fields hold their default. The browser parses and
// keeps that payload for the page's life, so its size is load time and memory. Packing drops only
// what the page can restore exactly; `unpackAnnotations(packAnnotations(x))` equals `x`.
import type { AnnotationView } from './annotation-view';
import { FRESH_ANNOTATION } from './fresh-annotation';

type Author = NonNullable<AnnotationView['author']>;
type AsTagged = AnnotationView['asTagged'];

/** Fields left out when they hold these values. */
const DEFAULTS = {
  ...FRESH_ANNOTATION,
  note: null,
  state: 'exact',
  privilegeBasis: null,
  asConfirmed: null,
  imported: null,
} as const satisfies Partial<AnnotationView>;
type Defaulted = keyof typeof DEFAULTS;
const DEFAULTED = Object.keys(DEFAULTS) as Defaulted[];

type PackedAnnotation = Pick<AnnotationView, 'id' | 'tag' | 'exact' | 'start' | 'end' | 'createdAt'> &
  Partial<Pick<AnnotationView, Defaulted>> & {
    /** Index into `authors`; absent for a former member's annotation with no author. */
    a?: number;
    /** The revision the anchor is on, when it is not the page's. */
    r?: string;
    /** The words as tagged, when they are not the current words on the anchored revision. */
    t?: AsTagged;
  };

export type PackedAnnotations = { revisionId: string; authors: Author[]; items: PackedAnnotation[] };

const sameWords = (tagged: AsTagged, view: AnnotationView) =>
  tagged.exact === view.exact &&
  tagged.start === view.start &&
  tagged.end === view.end &&
  tagged.revisionId === view.anchoredRevisionId;

export function packAnnotations(views: readonly AnnotationView[], revisionId: string): PackedAnnotations {
  const authors: Author[] = [];
  const authorIndex = new Map<string, number>();
  const items = views.map((view) => {
    const item: PackedAnnotation = {
      id: view.id,
      tag: view.tag,
      exact: view.exact,
      start: view.start,
      end: view.end,
      createdAt: view.createdAt,
    };
    for (const field of DEFAULTED) {
      if (view[field] !== DEFAULTS[field] && view[field] !== undefined)
        (item as Record<string, unknown>)[field] = view[field];
    }
    if (view.author) {
      // Keyed by id and name together: the same person is one entry, and nothing is renamed.
      const key = `${view.author.id}\u0000${view.author.name}`;
      let index = authorIndex.get(key);
      if (index === undefined) {
        index = authors.push({ id: view.author.id, name: view.author.name }) - 1;
        authorIndex.set(key, index);
      }
      item.a = index;
    }
    if (view.anchoredRevisionId !== revisionId) item.r = view.anchoredRevisionId;
    if (!sameWords(view.asTagged, view)) item.t = view.asTagged;
    return item;
  });
  return { revisionId, authors, items };
}

export function unpackAnnotations(packed: PackedAnnotations): AnnotationView[] {
  // Every field written out, in one order: 5,000 objects of one shape, where spreading objects of
  // varying shapes (fields left out) cost ~30 ms a page on the server and again in the browser.
  return packed.items.map((item) => {
    const anchoredRevisionId = item.r ?? packed.revisionId;
    return {
      id: item.id,
      tag: item.tag,
      note: item.note ?? DEFAULTS.note,
      exact: item.exact,
      start: item.start,
      end: item.end,
      state: item.state ?? DEFAULTS.state,
      status: item.status ?? DEFAULTS.status,
      reviewStatus: item.reviewStatus ?? DEFAULTS.reviewStatus,
      reviewedAt: item.reviewedAt ?? DEFAULTS.reviewedAt,
      reviewedById: item.reviewedById ?? DEFAULTS.reviewedById,
      assigneeId: item.assigneeId ?? DEFAULTS.assigneeId,
      version: item.version ?? DEFAULTS.version,
      createdAt: item.createdAt,
      author: item.a === undefined ? null : packed.authors[item.a]!,
      privilegeBasis: item.privilegeBasis ?? DEFAULTS.privilegeBasis,
      anchoredRevisionId,
      asTagged: item.t ?? { exact: item.exact, start: item.start, end: item.end, revisionId: anchoredRevisionId },
      asConfirmed: item.asConfirmed ?? DEFAULTS.asConfirmed,
      imported: item.imported ?? DEFAULTS.imported,
    };
  });
}
