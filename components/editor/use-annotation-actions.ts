'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useState, type Dispatch } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import type { Tag } from '@/lib/domain/annotations/tags';
import type { AnnotationPatch } from './annotation-patch';
import * as api from './annotations-api';
import { tagLabel } from './tag-style';
import type { AnnotationAction } from './use-annotation-store';
import { useLiveArticle } from './use-live-article';
import { carriedOver } from '@/components/evidence/carried-over';
import type { LiveCursor } from '@/lib/domain/live/live-event';

export type Message = { tone: 'error' | 'info'; text: string };

function changeMessage(patch: AnnotationPatch): string {
  if (patch.privilege !== undefined) return patch.privilege === null ? 'Privilege withdrawn.' : 'Marked privileged.';
  if (patch.status === 'resolved') return 'Thread resolved.';
  if (patch.status === 'open') return 'Thread reopened.';
  return patch.reviewStatus ? `Marked ${patch.reviewStatus}.` : 'Annotation updated.';
}

/**
 * Create, change and delete through the API, and everyone else's changes from the live stream, all
 * applied to the one annotation store (which redraws the highlights that changed).
 */
export function useAnnotationActions(options: {
  articleId: string;
  /** The revision this page shows: a tag made on it after someone saved a newer one is carried over. */
  revisionId: string;
  /** Where the page's data was read: the live stream starts there. */
  liveCursor: LiveCursor;
  currentUserId: string;
  annotations: AnnotationView[];
  dispatch: Dispatch<AnnotationAction>;
}) {
  const { articleId, revisionId, currentUserId, annotations, dispatch } = options;
  const router = useRouter();
  const [message, setMessage] = useState<Message | null>(null);
  const [creating, setCreating] = useState(false);
  const [threadRefreshKeys, setThreadRefreshKeys] = useState<Record<string, number>>({});
  const [newRevision, setNewRevision] = useState(false);

  const reload = useCallback(async () => {
    const list = await api.listAnnotations(articleId);
    if (!list.ok) return null;
    dispatch({ type: 'set', annotations: list.value });
    return list.value;
  }, [articleId, dispatch]);

  const create = useCallback(
    async (input: { tag: Tag; note: string | null; start: number; end: number; exact: string }) => {
      setCreating(true);
      const result = await api.createAnnotation(articleId, { ...input, revisionId });
      setCreating(false);
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.message });
        return null;
      }
      if (result.value.anchoredRevisionId !== revisionId) {
        carriedOver(result.value, setNewRevision, setMessage);
        return null;
      }
      dispatch({ type: 'upsert', annotation: result.value });
      setMessage({ tone: 'info', text: `Tagged as ${tagLabel(input.tag)}.` });
      return result.value;
    },
    [articleId, revisionId, dispatch],
  );

  /** An annotation the evidence actions (re-confirm, re-anchor here) changed. */
  const replace = useCallback(
    (updated: AnnotationView, text: string) => {
      dispatch({ type: 'upsert', annotation: updated });
      setMessage({ tone: 'info', text });
    },
    [dispatch],
  );

  const change = async (id: string, patch: AnnotationPatch) => {
    const current = annotations.find((annotation) => annotation.id === id);
    if (!current) return false;
    const result =
      patch.privilege !== undefined
        ? await api.setPrivilege(id, patch.privilege, current.version)
        : await api.updateAnnotation(id, { ...patch, version: current.version });
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.message });
      if (result.status === 409) await reload();
      return false;
    }
    dispatch({ type: 'upsert', annotation: result.value });
    setMessage({ tone: 'info', text: changeMessage(patch) });
    return true;
  };

  const remove = async (id: string) => {
    const result = await api.deleteAnnotation(id);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.message });
      return false;
    }
    dispatch({ type: 'remove', id });
    setMessage({ tone: 'info', text: 'Annotation deleted.' });
    return true;
  };

  // Live updates from everyone else viewing this article.
  const { viewers, connected } = useLiveArticle(articleId, options.liveCursor, (event) => {
    if (event.objectType === 'annotation') {
      if (event.action === 'annotation.deleted') return dispatch({ type: 'remove', id: event.objectId });
      void api.getAnnotation(event.objectId).then((result) => {
        if (result.ok) dispatch({ type: 'upsert', annotation: result.value });
        // Deleted since the event (a resumed stream replays it): drop it rather than keep a stale card.
        else if (result.status === 404) dispatch({ type: 'remove', id: event.objectId });
      });
    } else if (event.objectType === 'comment') {
      const annotationId = String(event.after?.annotationId ?? event.before?.annotationId ?? '');
      if (annotationId) setThreadRefreshKeys((keys) => ({ ...keys, [annotationId]: (keys[annotationId] ?? 0) + 1 }));
      const mentions = (event.after?.mentions as string[] | undefined) ?? [];
      if (mentions.includes(currentUserId)) router.refresh();
    } else if (event.objectType === 'article') {
      if (event.action === 'article.revised' && event.actorId !== currentUserId) setNewRevision(true);
      else router.refresh();
    }
  });

  return {
    message,
    setMessage,
    creating,
    create,
    replace,
    change,
    remove,
    reload,
    threadRefreshKeys,
    newRevision,
    viewers,
    connected,
  };
}
