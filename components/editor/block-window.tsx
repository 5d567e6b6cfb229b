'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import { memo, useEffect, useRef, useState } from 'react';
import type { AnnotationView } from '@/lib/domain/annotations/annotation-view';
import { textOffsetToPosition } from '@/lib/domain/anchoring/text-position-map';
import type { BlockWindow as Window } from '@/lib/domain/document/block-windows';
import { articleExtensions } from '@/lib/domain/document/article-schema';
import { AnnotationHighlights, type Highlight } from './annotation-highlights';
import type { BlockWindowRegistry } from './block-window-registry';
import { StaticDoc } from './static-doc';
import { tagLabel } from './tag-style';

type Props = {
  window: Window;
  count: number;
  /** Anchored annotations touching this window (same array while none of them changed). */
  annotations: AnnotationView[];
  editable: boolean;
  registry: BlockWindowRegistry;
  /** Told once whether the window was near the viewport when first seen, and once its highlights are drawn. */
  onSeen: (index: number, near: boolean) => void;
  onReady: (index: number) => void;
};

/** Mount editors this far outside the viewport, so a reader scrolling at a normal pace never sees plain text. */
const MOUNT_MARGIN = '1500px 0px';

function highlightKey(h: Highlight) {
  return `${h.from}:${h.to}:${h.tag}:${h.label}`;
}

/**
 * One window of the article in its own TipTap editor: read-only for reviewers (they select and tag
 * in it), editable in edit mode. Until it comes near the viewport it is plain server-rendered text,
 * and its highlights are drawn only once it mounts.
 */
export const BlockWindowView = memo(function BlockWindowView(props: Props) {
  const { window } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const seen = useRef(false);
  const { onSeen } = props;

  useEffect(() => {
    const element = ref.current;
    if (!element || near) return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        const isNear = !!entry?.isIntersecting;
        if (!seen.current) {
          seen.current = true;
          onSeen(window.index, isNear);
        }
        if (isNear) setNear(true);
      },
      { rootMargin: MOUNT_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, onSeen, window.index]);

  return (
    <div ref={ref} data-block-window={window.index}>
      {near ? (
        <WindowEditor {...props} />
      ) : (
        <div className="article-prose">
          <StaticDoc doc={{ type: 'doc', content: window.blocks }} />
        </div>
      )}
    </div>
  );
});

function WindowEditor({ window, count, annotations, editable, registry, onReady }: Props) {
  const editor = useEditor({
    extensions: [...articleExtensions(), AnnotationHighlights],
    content: { type: 'doc', content: window.blocks },
    editable,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: 'article-prose',
        'aria-label': count > 1 ? `Article text, part ${window.index + 1} of ${count}` : 'Article text',
      },
    },
  });

  useEffect(() => {
    if (!editor) return;
    const entry = { window, editor, element: editor.view.dom };
    registry.register(entry);
    return () => registry.unregister(entry);
  }, [editor, registry, window]);

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  // Highlights: drawn all at once on mount, then only what changed. While the text is being edited
  // they follow the edits through the editor's own mapping, and the store's offsets are not applied.
  const drawn = useRef<Map<string, string> | null>(null);
  useEffect(() => {
    if (!editor || editable) return;
    const map = registry.textMap(editor);
    const next = new Map<string, Highlight>();
    for (const annotation of annotations) {
      const start = Math.max(annotation.start, window.textStart) - window.textStart;
      const end = Math.min(annotation.end, window.textEnd) - window.textStart;
      if (end <= start) continue;
      next.set(annotation.id, {
        id: annotation.id,
        tag: annotation.tag,
        from: textOffsetToPosition(map, start, 1),
        to: textOffsetToPosition(map, end, -1),
        label: `${tagLabel(annotation.tag)} by ${annotation.author?.name ?? 'a former member'}${annotation.note ? `: ${annotation.note}` : ''}`,
      });
    }
    const before = drawn.current;
    if (!before) {
      editor.commands.setAnnotationHighlights([...next.values()]);
      onReady(window.index);
    } else {
      for (const id of before.keys()) if (!next.has(id)) editor.commands.removeAnnotationHighlight(id);
      for (const [id, highlight] of next)
        if (before.get(id) !== highlightKey(highlight)) editor.commands.addAnnotationHighlight(highlight);
    }
    drawn.current = new Map([...next].map(([id, highlight]) => [id, highlightKey(highlight)]));
  }, [editor, editable, annotations, registry, window, onReady]);

  if (!editor)
    return (
      <div className="article-prose" aria-busy="true">
        <StaticDoc doc={{ type: 'doc', content: window.blocks }} />
      </div>
    );
  return <EditorContent editor={editor} />;
}
