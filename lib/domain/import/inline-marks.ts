// Marks carried down the HTML tree while it is walked, kept in the order the editor's
// schema stores them so a document built here compares equal once normalised.
import type { DocMark } from '../document/article-doc';
import { articleSchema, isSafeHref } from '../document/article-schema';
import type { MarkSet } from './inline-buffer';

const MARK_RANK = new Map(Object.keys(articleSchema.marks).map((name, rank) => [name, rank]));
const MAX_HREF_LENGTH = 2048;

export const MARK_FOR_TAG: Readonly<Record<string, string>> = {
  b: 'bold',
  strong: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
};

function markKey(mark: DocMark): string {
  return mark.type === 'link' ? `link:${String(mark.attrs?.href)}` : mark.type;
}

function addMark(set: MarkSet, mark: DocMark): MarkSet {
  const marks = set.marks.filter((existing) => existing.type !== mark.type);
  marks.push(mark);
  marks.sort((a, b) => (MARK_RANK.get(a.type) ?? 0) - (MARK_RANK.get(b.type) ?? 0));
  return { marks, key: marks.map(markKey).join('|') };
}

/**
 * Builds mark sets once per combination: a long page repeats the same few (bold, bold
 * italic, one link) thousands of times, and shared sets also compare by key cheaply.
 */
export class MarkSets {
  private readonly known = new Map<string, MarkSet>();

  /** Adds a mark; an inner link replaces an outer one, as only one link can apply. */
  with(set: MarkSet, mark: DocMark): MarkSet {
    const key = `${set.key}\u0000${markKey(mark)}`;
    let combined = this.known.get(key);
    if (!combined) {
      combined = addMark(set, mark);
      this.known.set(key, combined);
    }
    return combined;
  }
}

/**
 * The address a link may keep: absolute (relative ones are resolved against the page's
 * own address when known) and http, https or mailto. In-page anchors point nowhere once
 * imported, so they are dropped too.
 */
export function resolveLinkHref(raw: string | undefined, base: string | undefined): string | undefined {
  const href = raw?.trim();
  if (!href || href.startsWith('#') || href.length > MAX_HREF_LENGTH) return undefined;
  let url: URL;
  try {
    url = base ? new URL(href, base) : new URL(href);
  } catch {
    return undefined;
  }
  return isSafeHref(url.href) ? url.href : undefined;
}
