'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { passageCiter } from '@/lib/domain/citations/cite-passage';
import type { ArticleDoc } from '@/lib/domain/document/article-doc';

type Cite = (start: number, end: number, orphaned?: boolean) => string | null;

const CitationContext = createContext<Cite>(() => null);

/** Cites passages of the revision on screen: "p. 12" for an imported PDF, else "¶ 14". One index per revision. */
export function CitationProvider({ doc, children }: { doc: ArticleDoc; children: ReactNode }) {
  const cite = useMemo(() => passageCiter(doc), [doc]);
  return <CitationContext.Provider value={cite}>{children}</CitationContext.Provider>;
}

export function useCitation(start: number, end: number, orphaned: boolean): string | null {
  return useContext(CitationContext)(start, end, orphaned);
}
