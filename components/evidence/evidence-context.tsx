'use client';

import { createContext, useContext } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';

/**
 * What the cards' evidence actions need from the article view: the reader's current selection
 * (for "re-anchor here"), the revision the page shows, and a way to put an updated annotation
 * back into the view.
 */
export type EvidenceContextValue = {
  selection: { start: number; end: number; exact: string } | null;
  revisionId: string;
  onUpdated: (annotation: AnnotationView, message: string) => void;
};

const EvidenceContext = createContext<EvidenceContextValue | null>(null);

export const EvidenceProvider = EvidenceContext.Provider;

export function useEvidenceContext(): EvidenceContextValue | null {
  return useContext(EvidenceContext);
}
