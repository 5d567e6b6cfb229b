'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ArticleDoc, DocNode } from '@/lib/domain/document/article-doc';
import { joinWindows, splitIntoWindows } from '@/lib/domain/document/block-windows';
import * as api from './annotations-api';
import type { BlockWindowRegistry } from './block-window-registry';

export type SavedRevision = { revisionNumber: number; created: boolean };

/**
 * Review or edit mode over the block windows. A save sends the whole document (edited windows from
 * their editors, the rest as loaded) as one immutable revision; cancelling or saving remounts the
 * windows from the saved document, so nothing half-edited lingers in an editor.
 */
export function useRevisionEditing(options: {
  articleId: string;
  initialRevisionId: string;
  initialDoc: ArticleDoc;
  registry: BlockWindowRegistry;
}) {
  const { articleId, registry } = options;
  const [mode, setMode] = useState<'review' | 'edit'>('review');
  const [revisionId, setRevisionId] = useState(options.initialRevisionId);
  const [savedDoc, setSavedDoc] = useState(options.initialDoc);
  const [generation, setGeneration] = useState(0);
  const [saving, setSaving] = useState(false);
  const windows = useMemo(() => splitIntoWindows(savedDoc), [savedDoc]);

  const startEditing = useCallback(() => {
    setMode('edit');
    // Put the caret in the first window on screen, as focusing the one article editor used to.
    const visible = registry.all().find((entry) => entry.element.getBoundingClientRect().bottom > 0);
    visible?.editor.commands.focus();
  }, [registry]);

  const cancelEditing = useCallback(() => {
    setMode('review');
    setGeneration((value) => value + 1);
  }, []);

  const save = useCallback(async (): Promise<api.ApiResult<SavedRevision>> => {
    const blocks = windows.map((window) => {
      const entry = registry.get(window.index);
      return entry ? ((entry.editor.getJSON().content ?? []) as DocNode[]) : window.blocks;
    });
    const doc = joinWindows(blocks);
    setSaving(true);
    const result = await api.saveRevision(articleId, { doc, baseRevisionId: revisionId });
    setSaving(false);
    if (!result.ok) return result;
    setRevisionId(result.value.revisionId);
    setSavedDoc(doc);
    setMode('review');
    setGeneration((value) => value + 1);
    return { ok: true, value: { revisionNumber: result.value.revisionNumber, created: result.value.created } };
  }, [windows, registry, articleId, revisionId]);

  // Unsaved edits are not lost by closing the tab by accident.
  useEffect(() => {
    if (mode !== 'edit') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [mode]);

  return { mode, windows, savedDoc, generation, saving, startEditing, cancelEditing, save, revisionId };
}
