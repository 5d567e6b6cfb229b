'use client';

import { useEffect, useRef, useState } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { NOTE_MAX_LENGTH, TAGS, type Tag } from '@/lib/domain/annotations/tags';
import { AnnotationEvidence } from '@/components/evidence/annotation-evidence';
import { isOnCurrentText } from '@/lib/domain/evidence/evidence-state';
import type { AnnotationPatch } from './annotation-patch';
import { AnnotationLinks } from './annotation-links';
import { AnnotationThread } from './annotation-thread';
import { useCitation } from './citation-context';
import { PrivilegeControl, PrivilegedBadge } from './privilege-control';
import { REVIEW_LABELS, STATE_HELP, STATE_LABELS, tagChipClass, tagLabel } from './tag-style';
import { DATE_TIME } from '@/lib/format/dates';

export type { AnnotationPatch };

type Props = {
  annotation: AnnotationView;
  active: boolean;
  mayChange: boolean;
  canComment: boolean;
  canReview: boolean;
  members: { id: string; name: string }[];
  currentUserId: string;
  threadRefreshKey: number;
  onGoTo: (id: string) => void;
  onChange: (id: string, patch: AnnotationPatch) => Promise<boolean>;
  onDelete: (id: string) => Promise<boolean>;
  /** Set (to a new value each time) to open the discussion and move focus into this card. */
  focusRequest?: number;
  onReturn?: (id: string) => void;
};

export function AnnotationCard({
  annotation,
  active,
  mayChange,
  canComment,
  canReview,
  members,
  currentUserId,
  threadRefreshKey,
  onGoTo,
  onChange,
  onDelete,
  focusRequest,
  onReturn,
}: Props) {
  const [threadOpen, setThreadOpen] = useState(false);
  const cardRef = useRef<HTMLLIElement>(null);
  const [seenFocusRequest, setSeenFocusRequest] = useState(focusRequest);
  if (focusRequest !== seenFocusRequest) {
    setSeenFocusRequest(focusRequest);
    if (focusRequest !== undefined) setThreadOpen(true);
  }
  useEffect(() => {
    const card = cardRef.current;
    if (focusRequest === undefined || !card) return;
    // Straight to the reply box when there is one: opening a card by keyboard is mostly to reply.
    (card.querySelector<HTMLElement>('section[aria-label="Discussion"] form textarea') ?? card).focus();
    card.scrollIntoView({ block: 'nearest' });
  }, [focusRequest]);
  const [editingNote, setEditingNote] = useState(false);
  const [note, setNote] = useState(annotation.note ?? '');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const orphaned = annotation.state === 'orphaned';
  // Orphaned or not searched: its offsets are those of its last known place, not of this text.
  const offText = !isOnCurrentText(annotation.state);
  const citation = useCitation(annotation.start, annotation.end, offText);

  return (
    <li
      id={`annotation-card-${annotation.id}`}
      data-annotation-card={annotation.id}
      data-state={annotation.state}
      ref={cardRef}
      tabIndex={-1}
      onKeyDown={(event) => {
        // Escape inside a field that uses it (a mention list, an edit) is that field's.
        if (event.key !== 'Escape' || event.defaultPrevented || editingNote || !onReturn) return;
        event.preventDefault();
        onReturn(annotation.id);
      }}
      className={`rounded-lg border bg-white p-3 text-sm shadow-sm transition-colors ${active ? 'border-accent-600 ring-2 ring-accent-100' : 'border-stone-200'}`}
    >
      <div className="flex items-center justify-between gap-2">
        <span className="flex items-center gap-1.5">
          <span
            className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${tagChipClass(annotation.tag)}`}
          >
            {tagLabel(annotation.tag)}
          </span>
          <PrivilegedBadge annotation={annotation} />
          {citation ? (
            <span className="text-xs text-stone-500" data-testid="citation" title="Where the passage stands now">
              {citation}
            </span>
          ) : null}
          {annotation.status === 'resolved' ? (
            <span
              className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800"
              data-testid="thread-status"
            >
              Resolved
            </span>
          ) : null}
        </span>
        {annotation.state !== 'exact' ? (
          <span
            className={`text-xs font-medium ${orphaned ? 'text-red-700' : annotation.state === 'changed' ? 'text-amber-700' : 'text-stone-500'}`}
            title={STATE_HELP[annotation.state]}
            data-testid="anchor-state"
          >
            {STATE_LABELS[annotation.state]}
          </span>
        ) : (
          <span className="sr-only" data-testid="anchor-state">
            {STATE_LABELS.exact}
          </span>
        )}
      </div>
      <button
        type="button"
        onClick={() => onGoTo(annotation.id)}
        disabled={offText}
        aria-label={
          offText
            ? `${STATE_LABELS[annotation.state]} quote: ${annotation.exact}`
            : `Go to passage: ${annotation.exact}`
        }
        className="mt-2 block w-full rounded text-left disabled:cursor-default"
      >
        <blockquote className="line-clamp-3 border-l-2 border-stone-300 pl-2 font-serif text-stone-800">
          {annotation.exact}
        </blockquote>
      </button>
      {orphaned ? <p className="mt-1 text-xs text-red-700">{STATE_HELP.orphaned}</p> : null}
      {annotation.state === 'not_searched' ? (
        <p className="mt-1 text-xs text-stone-600">{STATE_HELP.not_searched}</p>
      ) : null}
      <AnnotationEvidence {...{ annotation, canReview, mayChange, currentUserId, members }} />
      {editingNote ? (
        <form
          className="mt-2 space-y-1.5"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await onChange(annotation.id, { note: note.trim() || null })) setEditingNote(false);
          }}
        >
          <textarea
            aria-label="Note"
            autoFocus
            value={note}
            maxLength={NOTE_MAX_LENGTH}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) => event.key === 'Escape' && setEditingNote(false)}
            className="block w-full rounded-md border border-stone-300 px-2 py-1 text-sm"
            rows={3}
          />
          <div className="flex gap-2">
            <button type="submit" className="rounded bg-accent-700 px-2 py-1 text-xs font-medium text-white">
              Save note
            </button>
            <button
              type="button"
              onClick={() => setEditingNote(false)}
              className="rounded px-2 py-1 text-xs text-stone-600"
            >
              Cancel
            </button>
          </div>
        </form>
      ) : annotation.note ? (
        <p className="mt-2 whitespace-pre-wrap text-stone-700">{annotation.note}</p>
      ) : null}
      <p className="mt-2 text-xs text-stone-500">
        {annotation.author?.name ?? 'Former member'} ·{' '}
        <time dateTime={annotation.createdAt}>{DATE_TIME.format(new Date(annotation.createdAt))}</time>
      </p>
      <AnnotationLinks annotationId={annotation.id} tag={annotation.tag} onGoTo={onGoTo} />
      <button
        type="button"
        aria-expanded={threadOpen}
        onClick={() => setThreadOpen((open) => !open)}
        className="mt-2 text-xs font-medium text-accent-700 hover:underline"
      >
        {threadOpen ? 'Hide discussion' : 'Discussion'}
      </button>
      {threadOpen ? (
        <AnnotationThread
          annotationId={annotation.id}
          currentUserId={currentUserId}
          canComment={canComment}
          status={annotation.status}
          mayResolve={mayChange}
          onStatusChange={(status) => onChange(annotation.id, { status })}
          members={members}
          refreshKey={threadRefreshKey}
        />
      ) : null}
      <ReviewLine annotation={annotation} members={members} canReview={canReview} onChange={onChange} />
      {mayChange && !editingNote ? (
        <div className="mt-2 flex flex-wrap items-center gap-2 border-t border-stone-100 pt-2">
          <label className="sr-only" htmlFor={`tag-${annotation.id}`}>
            Tag
          </label>
          <select
            id={`tag-${annotation.id}`}
            value={annotation.tag}
            onChange={(event) => void onChange(annotation.id, { tag: event.target.value as Tag })}
            className="rounded border border-stone-300 bg-white px-1 py-0.5 text-xs"
          >
            {TAGS.map((tag) => (
              <option key={tag} value={tag}>
                {tagLabel(tag)}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => {
              setNote(annotation.note ?? '');
              setEditingNote(true);
            }}
            className="rounded px-1.5 py-0.5 text-xs text-stone-600 hover:bg-stone-100"
          >
            {annotation.note ? 'Edit note' : 'Add note'}
          </button>
          <PrivilegeControl annotation={annotation} onChange={onChange} />
          {confirmingDelete ? (
            <span className="flex items-center gap-1 text-xs">
              Delete?
              <button
                type="button"
                onClick={() => void onDelete(annotation.id)}
                className="rounded bg-red-700 px-1.5 py-0.5 font-medium text-white"
              >
                Delete
              </button>
              <button
                type="button"
                onClick={() => setConfirmingDelete(false)}
                className="rounded px-1.5 py-0.5 text-stone-600"
              >
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              onClick={() => setConfirmingDelete(true)}
              className="ml-auto rounded px-1.5 py-0.5 text-xs text-red-700 hover:bg-red-50"
            >
              Delete
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}

const nameOf = (members: { id: string; name: string }[], id: string | null) =>
  id ? (members.find((member) => member.id === id)?.name ?? 'a former member') : null;

/** The review's verdict and assignee: shown to everyone, changed by editors and owners. */
function ReviewLine({
  annotation,
  members,
  canReview,
  onChange,
}: {
  annotation: AnnotationView;
  members: { id: string; name: string }[];
  canReview: boolean;
  onChange: (id: string, patch: AnnotationPatch) => Promise<boolean>;
}) {
  const reviewer = nameOf(members, annotation.reviewedById);
  const assignee = nameOf(members, annotation.assigneeId);
  if (!canReview) {
    if (annotation.reviewStatus === 'open' && !assignee) return null;
    return (
      <p className="mt-2 text-xs text-stone-600" data-testid="review-line">
        {annotation.reviewStatus !== 'open' ? `${REVIEW_LABELS[annotation.reviewStatus]} by ${reviewer}` : 'Open'}
        {assignee ? ` · assigned to ${assignee}` : ''}
      </p>
    );
  }
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs" data-testid="review-line">
      <label className="flex items-center gap-1 text-stone-600">
        Review
        <select
          aria-label="Review status"
          value={annotation.reviewStatus}
          onChange={(event) =>
            void onChange(annotation.id, { reviewStatus: event.target.value as AnnotationView['reviewStatus'] })
          }
          className="rounded border border-stone-300 bg-white px-1 py-0.5"
        >
          {(['open', 'accepted', 'rejected'] as const).map((status) => (
            <option key={status} value={status}>
              {REVIEW_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1 text-stone-600">
        Assignee
        <select
          aria-label="Assignee"
          value={annotation.assigneeId ?? ''}
          onChange={(event) => void onChange(annotation.id, { assigneeId: event.target.value || null })}
          className="max-w-32 rounded border border-stone-300 bg-white px-1 py-0.5"
        >
          <option value="">Nobody</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
      </label>
      {annotation.reviewStatus !== 'open' && reviewer ? (
        <span className="text-stone-500">
          {REVIEW_LABELS[annotation.reviewStatus]} by {reviewer}
        </span>
      ) : null}
    </div>
  );
}
