'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { NO_FILTERS, type AnnotationFilters } from '@/lib/domain/annotations/filter-annotations';
import type { PackedAnnotations } from '@/lib/domain/annotations/packed-annotations';
import type { LinkView } from '@/lib/domain/annotations/link-types';
import { docToPlainText, type ArticleDoc } from '@/lib/domain/document/article-doc';
import { summarizeAnchors } from '@/lib/domain/evidence/save-summary';
import { EvidenceSidebar } from '@/components/evidence/evidence-sidebar';
import type { LiveCursor } from '@/lib/domain/live/live-event';
import { ArticleText } from './article-text';
import { BlockWindowRegistry } from './block-window-registry';
import { EditBar } from './edit-bar';
import { CitationProvider } from './citation-context';
import { LinksProvider } from './links-context';
import { PresenceBar } from './presence-bar';
import { ReadingCaret } from './reading-caret';
import { ReviewNotices } from './review-notices';
import { ShortcutsDialog } from './shortcuts-dialog';
import { AnnotationsSheet } from './annotations-sheet';
import { TagToolbar } from './tag-toolbar';
import { useAnnotationActions } from './use-annotation-actions';
import { useAnnotationStore } from './use-annotation-store';
import { useHighlightNavigation } from './use-highlight-navigation';
import { useKeyboardReview } from './use-keyboard-review';
import { useRevisionEditing } from './use-revision-editing';
import { useTagSelection } from './use-tag-selection';
import { useTextSelection } from './use-text-selection';

export type ArticleAnnotatorProps = {
  article: { id: string; revisionId: string; doc: ArticleDoc; liveCursor: LiveCursor };
  /** Packed: the page's payload is most of its load time (lib/domain/annotations/packed-annotations.ts). */
  initialAnnotations: PackedAnnotations;
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

const READING_HINT_ID = 'reading-keys-hint';

/** The article with its highlights, the tagging toolbar, the sidebar, and (for editors) text editing. */
export function ArticleAnnotator(props: ArticleAnnotatorProps) {
  const { article, permissions, currentUserId } = props;
  const router = useRouter();
  const [registry] = useState(() => new BlockWindowRegistry());
  const containerRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [filters, setFilters] = useState<AnnotationFilters>(NO_FILTERS);
  const [textReady, setTextReady] = useState(false);
  const onTextReady = useCallback(() => setTextReady(true), []);

  const editing = useRevisionEditing({
    articleId: article.id,
    initialRevisionId: article.revisionId,
    initialDoc: article.doc,
    registry,
  });
  const reviewing = editing.mode === 'review';
  const articleText = useMemo(() => docToPlainText(editing.savedDoc), [editing.savedDoc]);
  const store = useAnnotationStore(props.initialAnnotations, editing.windows);
  const actions = useAnnotationActions({
    articleId: article.id,
    revisionId: editing.revisionId,
    liveCursor: article.liveCursor,
    currentUserId,
    annotations: store.annotations,
    dispatch: store.dispatch,
  });
  const { selection, current, clearSelection } = useTextSelection({
    enabled: reviewing && permissions.annotate,
    registry,
    articleText,
    containerRef,
    toolbarRef,
  });
  const navigation = useHighlightNavigation({
    containerRef,
    registry,
    windows: editing.windows,
    annotations: store.annotations,
    focusAnnotationId: props.focusAnnotationId,
    focusRange: props.focusRange,
  });

  const { create, creating, setMessage, reload } = actions;
  const { setActiveId } = navigation;
  const review = useKeyboardReview({
    reviewing,
    articleText,
    registry,
    containerRef,
    toolbarRef,
    annotations: store.annotations,
    navigation,
    onNotice: useCallback((text: string) => setMessage({ tone: 'info', text }), [setMessage]),
  });
  const { setCursor } = review;

  const tagSelection = useTagSelection({
    active: reviewing && permissions.annotate,
    selection,
    current,
    clearSelection,
    creating,
    create,
    setCursor,
    setActiveId,
    containerRef,
    toolbarRef,
  });

  const startEditing = () => {
    clearSelection();
    // The text may change under the cursor's offsets: reading starts afresh after the save.
    setCursor(null);
    setMessage(null);
    editing.startEditing();
  };
  const saveText = async () => {
    const result = await editing.save();
    if (!result.ok) return setMessage({ tone: 'error', text: result.message });
    const list = await reload();
    setMessage({
      tone: 'info',
      text: result.value.created
        ? `Saved revision ${result.value.revisionNumber}.${summarizeAnchors(list ?? [])}`
        : 'No changes to save.',
    });
    router.refresh();
  };
  const mayChange = (annotation: AnnotationView) =>
    permissions.changeAny || (permissions.changeOwn && annotation.author?.id === currentUserId);

  return (
    <LinksProvider
      workspaceSlug={props.workspaceSlug}
      articleId={article.id}
      canLink={permissions.annotate}
      initialLinks={props.initialLinks}
    >
      <div className="grid gap-10 pb-16 lg:grid-cols-[minmax(0,1fr)_20rem] lg:pb-0">
        <div className="min-w-0">
          <EditBar
            mode={editing.mode}
            canEdit={permissions.editText}
            canAnnotate={permissions.annotate}
            pending={editing.saving}
            onStart={startEditing}
            onSave={() => void saveText()}
            onCancel={editing.cancelEditing}
          />
          <PresenceBar viewers={actions.viewers} connected={actions.connected} />
          <ReviewNotices
            newRevision={actions.newRevision}
            message={actions.message}
            canAnnotate={permissions.annotate}
            reviewing={reviewing}
            hintId={READING_HINT_ID}
          />
          <div
            ref={containerRef}
            id="article-text"
            role="region"
            aria-label="Article"
            tabIndex={reviewing ? 0 : undefined}
            aria-describedby={reviewing ? READING_HINT_ID : undefined}
            onKeyDown={review.onKeyDown}
            // Tests wait for this id: it appears once the text on screen is in its editors and taggable.
            data-testid={textReady ? 'article-editor' : undefined}
            aria-busy={!textReady}
            className={`group relative rounded-sm focus-visible:outline-offset-4 ${reviewing ? '' : 'rounded-lg ring-2 ring-accent-100'}`}
            onClickCapture={(event) => reviewing && navigation.selectFromHighlight(event.target)}
            onFocusCapture={(event) => reviewing && navigation.selectFromHighlight(event.target)}
          >
            {selection && reviewing && permissions.annotate ? (
              <div ref={toolbarRef}>
                <TagToolbar
                  key={`${selection.start}-${selection.end}`}
                  position={selection}
                  pending={creating}
                  onTag={(tag, note) => void tagSelection(tag, note)}
                  onCancel={clearSelection}
                />
              </div>
            ) : null}
            <ReadingCaret box={review.caret} />
            <ArticleText
              key={editing.generation}
              windows={editing.windows}
              perWindow={store.perWindow}
              editable={!reviewing}
              registry={registry}
              onReady={onTextReady}
            />
          </div>
        </div>
        <AnnotationsSheet open={review.sheetOpen} onOpenChange={review.setSheetOpen} count={store.annotations.length}>
          <CitationProvider doc={editing.savedDoc}>
            <EvidenceSidebar
              evidence={{ selection, revisionId: editing.revisionId, onUpdated: actions.replace }}
              annotations={store.annotations}
              filters={filters}
              onFiltersChange={setFilters}
              activeId={navigation.activeId}
              mayChange={mayChange}
              canComment={permissions.comment}
              canReview={permissions.review}
              members={props.members}
              currentUserId={currentUserId}
              threadRefreshKeys={actions.threadRefreshKeys}
              onGoTo={(id) => void navigation.goTo(id)}
              onChange={actions.change}
              onDelete={actions.remove}
              cardFocus={review.cardFocus}
              onReturn={review.returnToPassage}
            />
          </CitationProvider>
        </AnnotationsSheet>
      </div>
      <ShortcutsDialog open={review.helpOpen} onClose={review.closeHelp} />
    </LinksProvider>
  );
}
