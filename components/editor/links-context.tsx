'use client';

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { LinkView } from '@/lib/domain/annotations/link-types';

type LinksState = {
  workspaceSlug: string;
  articleId: string;
  canLink: boolean;
  linksOf: (annotationId: string) => LinkView[];
  added: (fromAnnotationId: string, created: { link: LinkView; backlink: LinkView }) => void;
  removed: (linkId: string) => void;
};

const LinksContext = createContext<LinksState | null>(null);

/** The article's annotation links, shared by every card so both ends of a link update together. */
export function LinksProvider({
  workspaceSlug,
  articleId,
  canLink,
  initialLinks,
  children,
}: {
  workspaceSlug: string;
  articleId: string;
  canLink: boolean;
  initialLinks: Record<string, LinkView[]>;
  children: ReactNode;
}) {
  const [links, setLinks] = useState(initialLinks);
  const added = useCallback(
    (fromAnnotationId: string, created: { link: LinkView; backlink: LinkView }) =>
      setLinks((current) => {
        const next = { ...current, [fromAnnotationId]: [...(current[fromAnnotationId] ?? []), created.link] };
        // The other end is on this page too: show the backlink there at once.
        const toId = created.link.other.id;
        if (created.link.other.articleId === articleId) next[toId] = [...(current[toId] ?? []), created.backlink];
        return next;
      }),
    [articleId],
  );
  const removed = useCallback(
    (linkId: string) =>
      setLinks((current) =>
        Object.fromEntries(Object.entries(current).map(([id, list]) => [id, list.filter((l) => l.id !== linkId)])),
      ),
    [],
  );
  const value = useMemo(
    () => ({ workspaceSlug, articleId, canLink, linksOf: (id: string) => links[id] ?? [], added, removed }),
    [workspaceSlug, articleId, canLink, links, added, removed],
  );
  return <LinksContext.Provider value={value}>{children}</LinksContext.Provider>;
}

export function useLinks(): LinksState | null {
  return useContext(LinksContext);
}
