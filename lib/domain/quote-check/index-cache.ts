// The Quote check's index, kept between requests: building it (normalising and tokenising every
// article) is most of the cost of a check, and the articles rarely change between two pages of
// results. An entry is keyed by workspace and valid for one set of article revisions (its
// fingerprint): saving a revision, adding or removing an article changes the fingerprint, and
// the next check rebuilds that workspace's index once. A few workspaces are kept, least
// recently used first out.
import { buildQuoteIndex, type QuoteIndex } from './quote-index';
import type { QuoteCheckSource } from './types';

export type IndexKey = { workspaceId: string; fingerprint: string };

export class QuoteIndexCache {
  private readonly entries = new Map<string, { fingerprint: string; index: QuoteIndex }>();

  constructor(private readonly capacity = 4) {}

  /** The index for this workspace and fingerprint, or null when it must be (re)built from the texts. */
  get(key: IndexKey): QuoteIndex | null {
    const entry = this.entries.get(key.workspaceId);
    if (!entry || entry.fingerprint !== key.fingerprint) return null;
    // Re-inserting marks it most recently used (Map keeps insertion order).
    this.entries.delete(key.workspaceId);
    this.entries.set(key.workspaceId, entry);
    return entry.index;
  }

  build(key: IndexKey, sources: QuoteCheckSource[]): QuoteIndex {
    const index = buildQuoteIndex(sources);
    this.entries.delete(key.workspaceId);
    this.entries.set(key.workspaceId, { fingerprint: key.fingerprint, index });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return index;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One string that changes whenever any article's current revision does (or an article comes or goes). */
export function revisionFingerprint(articles: { articleId: string; revisionId: string }[], sourceArticleId?: string) {
  return `${sourceArticleId ?? '*'}|${articles.map((article) => `${article.articleId}:${article.revisionId}`).join(',')}`;
}
