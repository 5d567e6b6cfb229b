'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { sendJson } from '@/components/ui/api-client';
import { LINK_LABELS, LINK_TYPES, linkLabel, type LinkType, type LinkView } from '@/lib/domain/annotations/link-types';
import { useLinks } from './links-context';
import { tagLabel } from './tag-style';

type Hit = { id: string; tag: string; exact: string; note: string | null; articleId: string; articleTitle: string };

const DEFAULT_TYPE: Record<string, LinkType> = { rebuttal: 'rebuts', quote: 'quotes_source', finding: 'supports' };

const excerpt = (text: string, length = 90) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** The card's links in both directions, each leading to the other end, and a picker to add one. */
export function AnnotationLinks({
  annotationId,
  tag,
  onGoTo,
}: {
  annotationId: string;
  tag: string;
  onGoTo: (id: string) => void;
}) {
  const context = useLinks();
  const [picking, setPicking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!context) return null;
  const links = context.linksOf(annotationId);

  async function remove(link: LinkView) {
    const result = await sendJson(`/api/links/${link.id}`, 'DELETE');
    if (result.ok) context?.removed(link.id);
    else setError(result.message);
  }

  return (
    <div className="mt-2" data-testid="annotation-links">
      {links.length ? (
        <ul className="space-y-1" aria-label="Links">
          {links.map((link) => (
            <li key={`${link.id}-${link.direction}`} className="flex items-start gap-1 text-xs">
              <span className="shrink-0 font-medium text-stone-600">{linkLabel(link)}</span>
              {link.other.articleId === context.articleId ? (
                <button
                  type="button"
                  onClick={() => onGoTo(link.other.id)}
                  className="min-w-0 text-left text-accent-700 hover:underline"
                >
                  “{excerpt(link.other.exact)}”
                </button>
              ) : (
                <Link
                  href={`/w/${context.workspaceSlug}/articles/${link.other.articleId}?annotation=${link.other.id}`}
                  className="min-w-0 text-accent-700 hover:underline"
                >
                  “{excerpt(link.other.exact)}” <span className="text-stone-500">in {link.other.articleTitle}</span>
                </Link>
              )}
              {link.canDelete ? (
                <button
                  type="button"
                  onClick={() => void remove(link)}
                  aria-label={`Remove link: ${linkLabel(link)} “${excerpt(link.other.exact, 40)}”`}
                  className="ml-auto shrink-0 rounded px-1 text-stone-400 hover:bg-stone-100 hover:text-red-700"
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {context.canLink && !picking ? (
        <button
          type="button"
          onClick={() => setPicking(true)}
          className="mt-1 text-xs font-medium text-accent-700 hover:underline"
        >
          Link to another annotation
        </button>
      ) : null}
      {picking ? (
        <LinkPicker
          annotationId={annotationId}
          defaultType={DEFAULT_TYPE[tag] ?? 'supports'}
          workspaceSlug={context.workspaceSlug}
          onCancel={() => setPicking(false)}
          onLinked={(created) => {
            context.added(annotationId, created);
            setPicking(false);
          }}
        />
      ) : null}
    </div>
  );
}

function LinkPicker({
  annotationId,
  defaultType,
  workspaceSlug,
  onCancel,
  onLinked,
}: {
  annotationId: string;
  defaultType: LinkType;
  workspaceSlug: string;
  onCancel: () => void;
  onLinked: (created: { link: LinkView; backlink: LinkView }) => void;
}) {
  const [type, setType] = useState<LinkType>(defaultType);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const params = new URLSearchParams({ q: query, exclude: annotationId });
    const timer = window.setTimeout(async () => {
      const result = await sendJson<{ annotations: Hit[] }>(
        `/api/workspaces/${workspaceSlug}/annotations?${params}`,
        'GET',
      );
      if (result.ok) setHits(result.value.annotations);
      else setError(result.message);
    }, 200);
    return () => window.clearTimeout(timer);
  }, [query, annotationId, workspaceSlug]);

  async function link(hit: Hit) {
    setError(null);
    const result = await sendJson<{ link: LinkView; backlink: LinkView }>(
      `/api/annotations/${annotationId}/links`,
      'POST',
      {
        toAnnotationId: hit.id,
        type,
      },
    );
    if (result.ok) onLinked(result.value);
    else setError(result.message);
  }

  return (
    <div
      className="mt-2 space-y-2 rounded-md border border-stone-200 bg-stone-50 p-2"
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label className="flex items-center gap-2 text-xs text-stone-700">
        This annotation
        <select
          aria-label="Link type"
          value={type}
          onChange={(event) => setType(event.target.value as LinkType)}
          className="rounded border border-stone-300 bg-white px-1 py-0.5"
        >
          {LINK_TYPES.map((value) => (
            <option key={value} value={value}>
              {LINK_LABELS[value].outgoing.toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <input
        type="search"
        aria-label="Find the annotation to link to"
        placeholder="Search quotes, notes or article titles"
        autoFocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        className="block w-full rounded border border-stone-300 bg-white px-2 py-1 text-xs"
      />
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
      {hits && hits.length === 0 ? <p className="text-xs text-stone-500">No annotation matches.</p> : null}
      {hits?.length ? (
        <ul className="max-h-56 space-y-1 overflow-y-auto" aria-label="Annotations to link to">
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                onClick={() => void link(hit)}
                className="block w-full rounded border border-stone-200 bg-white px-2 py-1 text-left text-xs hover:border-accent-600"
              >
                <span className="font-semibold">{tagLabel(hit.tag)}</span> “{excerpt(hit.exact, 80)}”
                <span className="block text-stone-500">{hit.articleTitle}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" onClick={onCancel} className="text-xs text-stone-600 hover:underline">
        Cancel
      </button>
    </div>
  );
}
