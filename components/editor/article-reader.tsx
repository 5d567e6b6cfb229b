'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { ArticleDoc } from '@/lib/domain/document/article-doc';
import { StaticDoc } from './static-doc';

/** The article in a read-only TipTap editor, with the same markup server-rendered until it mounts. */
export function ArticleReader({ doc }: { doc: ArticleDoc }) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ heading: { levels: [2, 3] }, link: { openOnClick: false } })],
    content: doc,
    editable: false,
    immediatelyRender: false,
    editorProps: {
      attributes: { class: 'article-prose', 'aria-label': 'Article text', 'data-testid': 'article-editor' },
    },
  });
  if (!editor) {
    return (
      <div className="article-prose" aria-busy="true">
        <StaticDoc doc={doc} />
      </div>
    );
  }
  return <EditorContent editor={editor} />;
}
