'use client';

import { useState } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import {
  annotationAuthors,
  facetCounts,
  NO_FILTERS,
  type ReviewStatus,
  filterAnnotations,
  type AnnotationFilters,
} from '@/lib/domain/annotations/filter-annotations';
import { TAGS } from '@/lib/domain/annotations/tags';
import { EVIDENCE_STATES, type EvidenceState } from '@/lib/domain/evidence/evidence-state';
import { AnnotationCard } from './annotation-card';
import type { AnnotationPatch } from './annotation-patch';
import { REVIEW_LABELS, STATE_LABELS, tagChipClass, tagLabel } from './tag-style';

type Props = {
  annotations: AnnotationView[];
  filters: AnnotationFilters;
  onFiltersChange: (filters: AnnotationFilters) => void;
  activeId: string | null;
  mayChange: (annotation: AnnotationView) => boolean;
  canComment: boolean;
  canReview: boolean;
  members: { id: string; name: string }[];
  currentUserId: string;
  threadRefreshKeys: Record<string, number>;
  onGoTo: (id: string) => void;
  onChange: (id: string, patch: AnnotationPatch) => Promise<boolean>;
  onDelete: (id: string) => Promise<boolean>;
  /** Moves focus into a card (its discussion open); a new nonce asks again for the same card. */
  cardFocus?: { id: string; nonce: number } | null;
  /** Escape in a card: back to its passage in the text. */
  onReturn?: (id: string) => void;
};

const STATES = EVIDENCE_STATES;
const REVIEW_STATUSES: ReviewStatus[] = ['open', 'accepted', 'rejected'];
/** Cards rendered at first; thousands of cards would slow the page for no reader's benefit. */
const PAGE_SIZE = 100;

export function AnnotationSidebar({
  annotations,
  filters,
  onFiltersChange,
  activeId,
  mayChange,
  canComment,
  canReview,
  members,
  currentUserId,
  threadRefreshKeys,
  onGoTo,
  onChange,
  onDelete,
  cardFocus,
  onReturn,
}: Props) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const visible = filterAnnotations(annotations, filters);
  // The active card is always shown, even past the limit, so focusing a highlight finds its card.
  const activeIndex = activeId ? visible.findIndex((annotation) => annotation.id === activeId) : -1;
  const shown = visible.slice(0, Math.max(limit, activeIndex + 1));
  const counts = facetCounts(annotations, filters);
  const authors = annotationAuthors(annotations);
  const toggleTag = (tag: string) =>
    onFiltersChange({
      ...filters,
      tags: filters.tags.includes(tag) ? filters.tags.filter((t) => t !== tag) : [...filters.tags, tag],
    });

  return (
    <aside aria-label="Annotations" className="space-y-3">
      <div className="flex items-baseline justify-between">
        {/* On a phone the sheet's toggle already reads "Annotations (n)": the heading stays for screen readers. */}
        <h2 className="sr-only text-sm font-semibold text-stone-900 lg:not-sr-only">
          Annotations <span className="font-normal text-stone-500">({annotations.length})</span>
        </h2>
        {visible.length !== annotations.length ? (
          <button
            type="button"
            className="text-xs text-accent-700 hover:underline"
            onClick={() => onFiltersChange(NO_FILTERS)}
          >
            Clear filters
          </button>
        ) : null}
      </div>
      <div className="space-y-2" role="group" aria-label="Filter annotations">
        <div className="flex flex-wrap gap-1.5">
          {TAGS.map((tag) => (
            <button
              key={tag}
              type="button"
              aria-pressed={filters.tags.includes(tag)}
              onClick={() => toggleTag(tag)}
              className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset aria-pressed:ring-2 aria-pressed:ring-stone-700 ${tagChipClass(tag)}`}
            >
              {tagLabel(tag)} <span className="tabular-nums opacity-70">{counts.tags[tag] ?? 0}</span>
            </button>
          ))}
        </div>
        <div className="grid grid-cols-2 gap-2">
          <label className="text-xs text-stone-600">
            Author
            <select
              value={filters.authorId ?? ''}
              onChange={(event) => onFiltersChange({ ...filters, authorId: event.target.value || null })}
              className="mt-0.5 block w-full rounded border border-stone-300 bg-white px-1 py-1 text-xs text-stone-800"
            >
              <option value="">Everyone</option>
              {authors.map((author) => (
                <option key={author.id} value={author.id}>
                  {author.name} ({counts.authors[author.id] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-stone-600">
            State
            <select
              value={filters.state ?? ''}
              onChange={(event) =>
                onFiltersChange({ ...filters, state: (event.target.value || null) as EvidenceState | null })
              }
              className="mt-0.5 block w-full rounded border border-stone-300 bg-white px-1 py-1 text-xs text-stone-800"
            >
              <option value="">Any state</option>
              {STATES.map((state) => (
                <option key={state} value={state}>
                  {STATE_LABELS[state]} ({counts.states[state] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-stone-600">
            Review
            <select
              aria-label="Filter by review"
              value={filters.reviewStatus ?? ''}
              onChange={(event) =>
                onFiltersChange({ ...filters, reviewStatus: (event.target.value || null) as ReviewStatus | null })
              }
              className="mt-0.5 block w-full rounded border border-stone-300 bg-white px-1 py-1 text-xs text-stone-800"
            >
              <option value="">Any verdict</option>
              {REVIEW_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {REVIEW_LABELS[status]} ({counts.reviewStatuses[status] ?? 0})
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs text-stone-600">
            Assignee
            <select
              aria-label="Filter by assignee"
              value={filters.assigneeId ?? ''}
              onChange={(event) => onFiltersChange({ ...filters, assigneeId: event.target.value || null })}
              className="mt-0.5 block w-full rounded border border-stone-300 bg-white px-1 py-1 text-xs text-stone-800"
            >
              <option value="">Anyone</option>
              <option value="none">Unassigned ({counts.assignees.none ?? 0})</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name} ({counts.assignees[member.id] ?? 0})
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {annotations.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-500">
          No annotations yet. Select text in the article, then choose a tag or press 1, 2 or 3.
        </p>
      ) : visible.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-500">
          No annotation matches these filters.
        </p>
      ) : (
        <ol className="space-y-2" aria-label="Annotations in document order">
          {shown.map((annotation) => (
            <AnnotationCard
              key={annotation.id}
              annotation={annotation}
              active={annotation.id === activeId}
              mayChange={mayChange(annotation)}
              canComment={canComment}
              canReview={canReview}
              members={members}
              threadRefreshKey={threadRefreshKeys[annotation.id] ?? 0}
              currentUserId={currentUserId}
              onGoTo={onGoTo}
              onChange={onChange}
              onDelete={onDelete}
              focusRequest={cardFocus?.id === annotation.id ? cardFocus.nonce : undefined}
              onReturn={onReturn}
            />
          ))}
        </ol>
      )}
      {shown.length < visible.length ? (
        <button
          type="button"
          onClick={() => setLimit((current) => current + PAGE_SIZE * 5)}
          className="w-full rounded-md border border-stone-300 bg-white py-2 text-sm font-medium text-stone-700 hover:bg-stone-50"
        >
          Show more ({visible.length - shown.length} not shown)
        </button>
      ) : null}
    </aside>
  );
}
