'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef } from 'react';
import { textOffsetToPosition } from '@/lib/domain/anchoring/text-position-map';
import { articleExtensions } from '@/lib/domain/document/article-schema';
import { AnnotationHighlights, type Highlight } from './annotation-highlights';
import type { BlockWindowProps } from './block-window';
import { StaticDoc } from './static-doc';
import { tagLabel } from './tag-style';

function highlightKey(h: Highlight) {
  return `${h.from}:${h.to}:${h.tag}:${h.label}`;
}

/** One block window's TipTap editor with its highlights (loaded after the page, see block-window.tsx). */
export function WindowEditor({ window, count, annotations, editable, registry, onReady }: BlockWindowProps) {
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
