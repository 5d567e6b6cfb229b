'use client';

import { useEffect, useState } from 'react';
import type { HistoryEntry } from '@/lib/domain/evidence/annotation-history';
import * as api from './evidence-api';
import { DATE_TIME } from '@/lib/format/dates';

/** The card's own trail, loaded when opened (and again when the annotation changes). */
export function AnnotationHistory({ annotationId, version }: { annotationId: string; version: number }) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void api.annotationHistory(annotationId).then((result) => {
      if (cancelled) return;
      if (result.ok) setEntries(result.value);
      else setError(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [annotationId, version]);
  if (error) return <p className="text-red-700">{error}</p>;
  if (!entries) return <p className="text-stone-500">Loading history…</p>;
  return (
    <ol
      className="space-y-1 border-l border-stone-200 pl-2"
      aria-label="Annotation history"
      data-testid="annotation-history"
    >
      {entries.map((entry) => (
        <li key={entry.id}>
          <span className="font-medium text-stone-700">{entry.actorName ?? 'Someone'}</span> {entry.text}
          {entry.wordsBefore || entry.wordsAfter ? (
            <span className="block text-stone-600">
              {entry.wordsBefore ? <del>“{entry.wordsBefore}”</del> : null}
              {entry.wordsBefore && entry.wordsAfter ? ' → ' : null}
              {entry.wordsAfter ? <ins className="no-underline">“{entry.wordsAfter}”</ins> : null}
            </span>
          ) : null}
          <time className="block text-stone-400" dateTime={entry.at}>
            {DATE_TIME.format(new Date(entry.at))}
          </time>
        </li>
      ))}
    </ol>
  );
}
