'use client';

import type { ComponentProps } from 'react';
import { AnnotationSidebar } from '@/components/editor/annotation-sidebar';
import { EvidenceProvider, type EvidenceContextValue } from './evidence-context';

/** The annotation sidebar with what its cards' evidence actions need (selection, revision, updates). */
export function EvidenceSidebar({
  evidence,
  ...props
}: ComponentProps<typeof AnnotationSidebar> & { evidence: EvidenceContextValue }) {
  return (
    <EvidenceProvider value={evidence}>
      <AnnotationSidebar {...props} />
    </EvidenceProvider>
  );
}
