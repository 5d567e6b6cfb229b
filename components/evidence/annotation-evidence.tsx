'use client';

import { useState } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { onEarlierWording, verdictLabel, wordsDiff } from '@/lib/domain/evidence/annotation-evidence';
import { AnnotationHistory } from './annotation-history';
import { useEvidenceContext } from './evidence-context';
import * as api from './evidence-api';
import { WordsDiff } from './words-diff';
import { DATE_TIME } from '@/lib/format/dates';

type Props = {
  annotation: AnnotationView;
  canReview: boolean;
  mayChange: boolean;
  currentUserId: string;
  members: { id: string; name: string }[];
};

/**
 * On a card: the words as tagged beside the words now (a word-level diff where they differ),
 * the verdict when it was given on earlier wording, custody of an imported annotation, the
 * re-confirm and re-anchor-here actions, and the card's own history.
 */
export function AnnotationEvidence({ annotation, canReview, mayChange, currentUserId, members }: Props) {
  // The same rule as lib/domain/evidence/may-confirm (the server checks it again).
  const mayConfirm =
    canReview || (annotation.reviewStatus === 'open' && mayChange && annotation.author?.id === currentUserId);
  const context = useEvidenceContext();
  const [historyOpen, setHistoryOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const orphaned = annotation.state === 'orphaned';
  const diff = orphaned ? null : wordsDiff(annotation.asTagged.exact, annotation.exact);
  const confirmed = annotation.asConfirmed;
  const nameOf = (id: string | null) => members.find((member) => member.id === id)?.name ?? 'a former member';
  const needsAttention = annotation.state !== 'exact';
  const selection = context?.selection;

  const run = async (call: () => ReturnType<typeof api.confirmAnnotation>, message: string) => {
    setPending(true);
    setError(null);
    const result = await call();
    setPending(false);
    if (!result.ok) setError(result.message);
    else context?.onUpdated(result.value, message);
  };

  return (
    <div className="mt-2 space-y-1 text-xs" data-testid="annotation-evidence">
      {diff ? (
        <p className="text-stone-700" data-testid="as-tagged">
          <span className="font-medium">As tagged:</span> “<WordsDiff segments={diff} />”
        </p>
      ) : orphaned && annotation.asTagged.exact !== annotation.exact ? (
        <p className="text-stone-700" data-testid="as-tagged">
          <span className="font-medium">As tagged:</span> “{annotation.asTagged.exact}”
        </p>
      ) : null}
      {confirmed ? (
        <p className="text-stone-500" data-testid="as-confirmed">
          Confirmed on these words by {nameOf(confirmed.byId)} on {DATE_TIME.format(new Date(confirmed.at))}
        </p>
      ) : null}
      {onEarlierWording(annotation.reviewStatus, annotation.state) ? (
        <p className="font-medium text-amber-800" data-testid="verdict-earlier-wording">
          {verdictLabel(annotation.reviewStatus, annotation.state)}: back in the open queue until re-confirmed.
        </p>
      ) : null}
      {annotation.imported ? (
        <p className="text-stone-500" data-testid="custody">
          By {annotation.imported.creatorName ?? 'an unnamed author'}, imported by {nameOf(annotation.imported.byId)} on{' '}
          {DATE_TIME.format(new Date(annotation.imported.at))}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {mayConfirm && annotation.state === 'changed' ? (
          <button
            type="button"
            disabled={pending}
            onClick={() =>
              void run(() => api.confirmAnnotation(annotation.id, annotation.version), 'Confirmed on the new words.')
            }
            className="rounded bg-amber-100 px-1.5 py-0.5 font-medium text-amber-900 hover:bg-amber-200"
          >
            Re-confirm on new words
          </button>
        ) : null}
        {mayConfirm && needsAttention && selection && context ? (
          <button
            type="button"
            disabled={pending}
            // Keeps the reader's text selection: a mousedown elsewhere would clear it before the click.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() =>
              void run(
                () =>
                  api.reanchorAnnotation(annotation.id, {
                    version: annotation.version,
                    revisionId: context.revisionId,
                    ...selection,
                  }),
                'Re-anchored on the selected passage.',
              )
            }
            className="rounded bg-stone-100 px-1.5 py-0.5 font-medium text-stone-800 hover:bg-stone-200"
          >
            Re-anchor here
          </button>
        ) : null}
        <button
          type="button"
          aria-expanded={historyOpen}
          onClick={() => setHistoryOpen((open) => !open)}
          className="font-medium text-accent-700 hover:underline"
        >
          {historyOpen ? 'Hide history' : 'History'}
        </button>
      </div>
      {historyOpen ? <AnnotationHistory annotationId={annotation.id} version={annotation.version} /> : null}
    </div>
  );
}
