'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { NO_FILTERS, sortInDocumentOrder, type AnnotationFilters } from '@/lib/domain/annotations/filter-annotations';
import { tagForKey, type Tag } from '@/lib/domain/annotations/tags';
import {
  buildTextPositionMap,
  positionToTextOffset,
  textOffsetToPosition,
  type TextPositionMap,
} from '@/lib/domain/anchoring/text-position-map';
import type { ArticleDoc } from '@/lib/domain/document/article-doc';
import { articleExtensions } from '@/lib/domain/document/article-schema';
import { AnnotationHighlights, type Highlight } from './annotation-highlights';
import type { AnnotationPatch } from './annotation-card';
import { EvidenceSidebar } from '@/components/evidence/evidence-sidebar';
import { carriedOver } from '@/components/evidence/carried-over';
import * as api from './annotations-api';
import { StaticDoc } from './static-doc';
import { TagLegend } from './tag-legend';
import { tagLabel } from './tag-style';
import { TagToolbar } from './tag-toolbar';
import { useLiveArticle } from './use-live-article';
import type { LiveCursor } from '@/lib/domain/live/live-event';
import { LinksProvider } from './links-context';
import type { LinkView } from '@/lib/domain/annotations/link-types';

export type ArticleAnnotatorProps = {
  article: { id: string; revisionId: string; doc: ArticleDoc; liveCursor: LiveCursor };
  initialAnnotations: AnnotationView[];
  currentUserId: string;
  permissions: {
    annotate: boolean;
    comment: boolean;
    review: boolean;
    editText: boolean;
    changeAny: boolean;
    changeOwn: boolean;
  };
  members: { id: string; name: string }[];
  workspaceSlug: string;
  initialLinks: Record<string, LinkView[]>;
  /** Scrolled to and selected once the article is shown (links from other articles, search results). */
  focusAnnotationId?: string;
  /** A passage (plain-text offsets) to select and scroll to, e.g. from a search result. */
  focusRange?: { start: number; end: number };
};

type TextSelection = { start: number; end: number; exact: string; top: number; left: number };
type Message = { tone: 'error' | 'info'; text: string };

const FLASH_MS = 1_600;

function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

function summarizeAnchors(list: AnnotationView[]): string {
  const moved = list.filter((a) => a.state === 'moved').length;
  const changed = list.filter((a) => a.state === 'changed').length;
  const orphaned = list.filter((a) => a.state === 'orphaned').length;
  const parts = [
    moved && `${moved} moved`,
    changed && `${changed} with changed words`,
    orphaned && `${orphaned} orphaned`,
  ].filter(Boolean);
  return parts.length ? ` Annotations: ${parts.join(', ')}.` : '';
}

/** The article with its highlights, the tagging toolbar, the sidebar, and (for editors) text editing. */
export function ArticleAnnotator({
  article,
  initialAnnotations,
  currentUserId,
  permissions,
  members,
  workspaceSlug,
  initialLinks,
  focusAnnotationId,
  focusRange,
}: ArticleAnnotatorProps) {
  const router = useRouter();
  const [annotations, setAnnotations] = useState(() => sortInDocumentOrder(initialAnnotations));
  const [revisionId, setRevisionId] = useState(article.revisionId);
  const [savedDoc, setSavedDoc] = useState(article.doc);
  const [mode, setMode] = useState<'review' | 'edit'>('review');
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const [message, setMessage] = useState<Message | null>(null);
  const [pending, setPending] = useState(false);
  const [newRevision, setNewRevision] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const textMapCache = useRef<{ doc: unknown; map: TextPositionMap } | null>(null);
  const selectionRef = useRef<TextSelection | null>(null);
  useEffect(() => {
    selectionRef.current = selection;
  }, [selection]);

  const editor = useEditor({
    extensions: [...articleExtensions(), AnnotationHighlights],
    content: article.doc,
    editable: false,
    immediatelyRender: false,
    editorProps: {
      attributes: { class: 'article-prose', 'aria-label': 'Article text', 'data-testid': 'article-editor' },
    },
  });

  const textMap = useCallback((): TextPositionMap | null => {
    if (!editor) return null;
    const doc = editor.state.doc;
    if (textMapCache.current?.doc !== doc) textMapCache.current = { doc, map: buildTextPositionMap(doc) };
    return textMapCache.current.map;
  }, [editor]);

  const toHighlight = useCallback(
    (annotation: AnnotationView): Highlight | null => {
      const map = textMap();
      if (!map || annotation.state === 'orphaned') return null;
      return {
        id: annotation.id,
        tag: annotation.tag,
        from: textOffsetToPosition(map, annotation.start, 1),
        to: textOffsetToPosition(map, annotation.end, -1),
        label: `${tagLabel(annotation.tag)} by ${annotation.author?.name ?? 'a former member'}${annotation.note ? `: ${annotation.note}` : ''}`,
      };
    },
    [textMap],
  );

  const showAll = useCallback(
    (list: AnnotationView[]) => {
      editor?.commands.setAnnotationHighlights(list.flatMap((annotation) => toHighlight(annotation) ?? []));
    },
    [editor, toHighlight],
  );

  // Draw the highlights once the editor exists; later changes update them one by one.
  const drawn = useRef(false);
  useEffect(() => {
    if (editor && !drawn.current) {
      drawn.current = true;
      showAll(annotations);
      // A standard User Timing mark: lets benchmarks and RUM tools measure time to interactive.
      performance.mark('marginalia:highlights-ready', { detail: { highlights: annotations.length } });
    }
  }, [editor, showAll, annotations]);

  const clearSelection = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  // Track the reader's text selection in the article (review mode, annotating roles only).
  useEffect(() => {
    if (!editor || mode !== 'review' || !permissions.annotate) return;
    const onSelectionChange = () => {
      if (toolbarRef.current?.contains(document.activeElement)) return;
      const domSelection = window.getSelection();
      const map = textMap();
      const container = containerRef.current;
      if (!domSelection || domSelection.isCollapsed || !domSelection.rangeCount || !map || !container) {
        setSelection(null);
        return;
      }
      const range = domSelection.getRangeAt(0);
      if (!editor.view.dom.contains(range.commonAncestorContainer)) {
        setSelection(null);
        return;
      }
      let start = positionToTextOffset(map, editor.view.posAtDOM(range.startContainer, range.startOffset));
      let end = positionToTextOffset(map, editor.view.posAtDOM(range.endContainer, range.endOffset));
      while (start < end && /\s/.test(map.text[start]!)) start++;
      while (end > start && /\s/.test(map.text[end - 1]!)) end--;
      if (end <= start) {
        setSelection(null);
        return;
      }
      const rect = range.getBoundingClientRect();
      const box = container.getBoundingClientRect();
      setSelection({
        start,
        end,
        exact: map.text.slice(start, end),
        top: rect.top - box.top,
        left: rect.left + rect.width / 2 - box.left,
      });
    };
    document.addEventListener('selectionchange', onSelectionChange);
    return () => document.removeEventListener('selectionchange', onSelectionChange);
  }, [editor, mode, permissions.annotate, textMap]);

  const createFromSelection = useCallback(
    async (tag: Tag, note: string | null) => {
      if (!selection || pending) return;
      setPending(true);
      const result = await api.createAnnotation(article.id, {
        tag,
        note,
        start: selection.start,
        end: selection.end,
        exact: selection.exact,
        revisionId,
      });
      setPending(false);
      if (!result.ok) {
        setMessage({ tone: 'error', text: result.message });
        return;
      }
      const created = result.value;
      if (created.anchoredRevisionId !== revisionId) return carriedOver(created, setNewRevision, setMessage);
      setAnnotations((list) => sortInDocumentOrder([...list, created]));
      const highlight = toHighlight(created);
      if (highlight) editor?.commands.addAnnotationHighlight(highlight);
      // Keep a selection the reader made while this one was being saved.
      if (selectionRef.current?.start === selection.start && selectionRef.current.end === selection.end)
        clearSelection();
      setActiveId(created.id);
      setMessage({ tone: 'info', text: `Tagged as ${tagLabel(tag)}.` });
    },
    [selection, pending, article.id, toHighlight, editor, clearSelection, revisionId],
  );

  // Keys 1 / 2 / 3 tag the selection; Escape drops it.
  useEffect(() => {
    if (mode !== 'review' || !permissions.annotate) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!selection || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      if (event.key === 'Escape') {
        clearSelection();
        return;
      }
      const tag = tagForKey(event.key);
      if (tag) {
        event.preventDefault();
        void createFromSelection(tag, null);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [mode, permissions.annotate, selection, createFromSelection, clearSelection]);

  const marksOf = (id: string) =>
    Array.from(
      containerRef.current?.querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(id)}"]`) ?? [],
    );

  // The active annotation's highlight is outlined.
  useEffect(() => {
    const container = containerRef.current;
    container?.querySelectorAll('mark.is-active').forEach((mark) => mark.classList.remove('is-active'));
    if (activeId) marksOf(activeId).forEach((mark) => mark.classList.add('is-active'));
  }, [activeId, annotations]);

  const goTo = (id: string) => {
    const marks = marksOf(id);
    if (!marks.length) return;
    setActiveId(id);
    marks[0]!.scrollIntoView({ block: 'center', behavior: 'smooth' });
    marks[0]!.focus({ preventScroll: true });
    marks.forEach((mark) => mark.classList.add('is-flashing'));
    window.setTimeout(() => marks.forEach((mark) => mark.classList.remove('is-flashing')), FLASH_MS);
  };

  // Arriving from a link or a search result: bring that annotation into view once highlights exist.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!editor || !focusAnnotationId || focused.current === focusAnnotationId) return;
    focused.current = focusAnnotationId;
    const frame = window.requestAnimationFrame(() => {
      if (marksOf(focusAnnotationId).length) goTo(focusAnnotationId);
      else {
        setActiveId(focusAnnotationId);
        document.getElementById(`annotation-card-${focusAnnotationId}`)?.scrollIntoView({ block: 'nearest' });
      }
    });
    return () => window.cancelAnimationFrame(frame);
  });

  // Arriving from a search hit: select the passage so it stands out and can be tagged at once.
  const rangeShown = useRef<string | null>(null);
  useEffect(() => {
    const key = focusRange ? `${focusRange.start}-${focusRange.end}` : null;
    const map = textMap();
    if (!editor || !focusRange || !key || rangeShown.current === key || !map) return;
    rangeShown.current = key;
    const from = editor.view.domAtPos(textOffsetToPosition(map, focusRange.start, 1));
    const to = editor.view.domAtPos(textOffsetToPosition(map, focusRange.end, -1));
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    const element = from.node instanceof Element ? from.node : from.node.parentElement;
    element?.scrollIntoView({ block: 'center' });
  });

  const selectFromHighlight = (target: EventTarget | null) => {
    const mark = (target as HTMLElement | null)?.closest?.('mark[data-annotation-id]');
    const id = mark?.getAttribute('data-annotation-id');
    if (!id) return;
    setActiveId(id);
    document.getElementById(`annotation-card-${id}`)?.scrollIntoView({ block: 'nearest' });
  };

  const mayChange = (annotation: AnnotationView) =>
    permissions.changeAny || (permissions.changeOwn && annotation.author?.id === currentUserId);

  const reload = async () => {
    const list = await api.listAnnotations(article.id);
    if (list.ok) {
      const sorted = sortInDocumentOrder(list.value);
      setAnnotations(sorted);
      showAll(sorted);
      return sorted;
    }
    return null;
  };

  const change = async (id: string, patch: AnnotationPatch) => {
    const current = annotations.find((annotation) => annotation.id === id);
    if (!current) return false;
    const result = await api.updateAnnotation(id, { ...patch, version: current.version });
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.message });
      if (result.status === 409) await reload();
      return false;
    }
    setAnnotations((list) => list.map((annotation) => (annotation.id === id ? result.value : annotation)));
    const highlight = toHighlight(result.value);
    if (highlight) editor?.commands.addAnnotationHighlight(highlight);
    setMessage({
      tone: 'info',
      text:
        patch.status === 'resolved'
          ? 'Thread resolved.'
          : patch.status === 'open'
            ? 'Thread reopened.'
            : patch.reviewStatus
              ? `Marked ${patch.reviewStatus}.`
              : 'Annotation updated.',
    });
    return true;
  };

  const replaceAnnotation = (updated: AnnotationView, text: string) => {
    setAnnotations((list) => sortInDocumentOrder([...list.filter((a) => a.id !== updated.id), updated]));
    const highlight = toHighlight(updated);
    if (highlight) editor?.commands.addAnnotationHighlight(highlight);
    setMessage({ tone: 'info', text });
  };

  const remove = async (id: string) => {
    const result = await api.deleteAnnotation(id);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.message });
      return false;
    }
    setAnnotations((list) => list.filter((annotation) => annotation.id !== id));
    editor?.commands.removeAnnotationHighlight(id);
    setMessage({ tone: 'info', text: 'Annotation deleted.' });
    return true;
  };

  // Live updates from everyone else viewing this article.
  const [threadRefreshKeys, setThreadRefreshKeys] = useState<Record<string, number>>({});
  const { viewers, connected } = useLiveArticle(article.id, article.liveCursor, (event) => {
    if (event.objectType === 'annotation') {
      if (event.action === 'annotation.deleted') {
        setAnnotations((list) => list.filter((annotation) => annotation.id !== event.objectId));
        editor?.commands.removeAnnotationHighlight(event.objectId);
        return;
      }
      void api.getAnnotation(event.objectId).then((result) => {
        if (!result.ok) return;
        setAnnotations((list) => sortInDocumentOrder([...list.filter((a) => a.id !== result.value.id), result.value]));
        const highlight = mode === 'review' ? toHighlight(result.value) : null;
        if (highlight) editor?.commands.addAnnotationHighlight(highlight);
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

  const startEditing = () => {
    clearSelection();
    setMessage(null);
    setMode('edit');
    editor?.setEditable(true);
    editor?.commands.focus();
  };

  const cancelEditing = () => {
    editor?.setEditable(false);
    editor?.commands.setContent(savedDoc);
    showAll(annotations);
    setMode('review');
  };

  const saveText = async () => {
    if (!editor) return;
    setPending(true);
    const doc = editor.getJSON();
    const result = await api.saveRevision(article.id, { doc, baseRevisionId: revisionId });
    if (!result.ok) {
      setPending(false);
      setMessage({ tone: 'error', text: result.message });
      return;
    }
    setRevisionId(result.value.revisionId);
    setSavedDoc(doc as ArticleDoc);
    editor.setEditable(false);
    setMode('review');
    const list = await reload();
    setPending(false);
    setMessage({
      tone: 'info',
      text: result.value.created
        ? `Saved revision ${result.value.revisionNumber}.${summarizeAnchors(list ?? [])}`
        : 'No changes to save.',
    });
    router.refresh();
  };

  // Unsaved edits are not lost by closing the tab by accident.
  useEffect(() => {
    if (mode !== 'edit') return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [mode]);

  return (
    <LinksProvider
      workspaceSlug={workspaceSlug}
      articleId={article.id}
      canLink={permissions.annotate}
      initialLinks={initialLinks}
    >
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white px-3 py-2">
            {mode === 'edit' ? (
              <p className="text-sm font-medium text-stone-800">Editing the text. Highlights follow your edits.</p>
            ) : (
              <TagLegend showKeys={permissions.annotate} />
            )}
            {permissions.editText ? (
              mode === 'edit' ? (
                <div className="flex gap-2">
                  <Button onClick={saveText} disabled={pending}>
                    {pending ? 'Saving…' : 'Save revision'}
                  </Button>
                  <Button variant="secondary" onClick={cancelEditing} disabled={pending}>
                    Cancel
                  </Button>
                </div>
              ) : (
                <Button variant="secondary" onClick={startEditing}>
                  Edit text
                </Button>
              )
            ) : null}
          </div>
          <div className="mb-3 flex items-center gap-2 text-xs text-stone-500" data-testid="presence">
            <span
              aria-hidden
              className={`inline-block h-2 w-2 rounded-full ${connected ? 'bg-emerald-500' : 'bg-stone-300'}`}
              title={connected ? 'Live' : 'Reconnecting…'}
            />
            {!connected ? (
              <span>Reconnecting…</span>
            ) : viewers.length ? (
              <span>Also here: {viewers.join(', ')}</span>
            ) : (
              <span>Live</span>
            )}
          </div>
          {newRevision ? (
            <div className="mb-3">
              <Alert tone="info">
                Someone saved a new revision of this article.{' '}
                <button type="button" className="font-medium underline" onClick={() => window.location.reload()}>
                  Load it
                </button>
              </Alert>
            </div>
          ) : null}
          <div aria-live="polite" className="mb-3 empty:hidden">
            {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
          </div>
          {!permissions.annotate ? (
            <p className="mb-4 text-sm text-stone-500">
              You can read and filter annotations. Ask an owner for the reviewer role to annotate.
            </p>
          ) : mode === 'review' ? (
            <p className="mb-4 text-sm text-stone-500">
              Select text to tag it. Keyboard: select with caret browsing (F7), then press 1, 2 or 3.
            </p>
          ) : null}
          <div
            ref={containerRef}
            className={`relative ${mode === 'edit' ? 'rounded-lg ring-2 ring-accent-100' : ''}`}
            onClickCapture={(event) => mode === 'review' && selectFromHighlight(event.target)}
            onFocusCapture={(event) => mode === 'review' && selectFromHighlight(event.target)}
          >
            {selection && mode === 'review' && permissions.annotate ? (
              <div ref={toolbarRef}>
                <TagToolbar
                  key={`${selection.start}-${selection.end}`}
                  position={selection}
                  pending={pending}
                  onTag={(tag, note) => void createFromSelection(tag, note)}
                  onCancel={clearSelection}
                />
              </div>
            ) : null}
            {editor ? (
              <EditorContent editor={editor} />
            ) : (
              <div className="article-prose" aria-busy="true">
                <StaticDoc doc={article.doc} />
              </div>
            )}
          </div>
        </div>
        <div className="lg:sticky lg:top-6 lg:max-h-[calc(100vh-3rem)] lg:self-start lg:overflow-y-auto">
          <EvidenceSidebar
            evidence={{ selection, revisionId, onUpdated: replaceAnnotation }}
            annotations={annotations}
            filters={filters}
            onFiltersChange={setFilters}
            activeId={activeId}
            mayChange={mayChange}
            canComment={permissions.comment}
            canReview={permissions.review}
            members={members}
            currentUserId={currentUserId}
            threadRefreshKeys={threadRefreshKeys}
            onGoTo={goTo}
            onChange={change}
            onDelete={remove}
          />
        </div>
      </div>
    </LinksProvider>
  );
}
