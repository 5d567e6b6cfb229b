import type { ReactNode } from 'react';
import type { DocNode } from '@/lib/domain/document/article-doc';

// Server-renderable view of an article document, shown before the editor mounts
// (and without JavaScript). Text goes through React, so it is always escaped.
function renderInline(node: DocNode, key: number): ReactNode {
  if (node.type === 'hardBreak') return <br key={key} />;
  let content: ReactNode = node.text ?? (node.content ?? []).map(renderInline);
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') content = <strong>{content}</strong>;
    else if (mark.type === 'italic') content = <em>{content}</em>;
  }
  return <span key={key}>{content}</span>;
}

function renderBlock(node: DocNode, key: number): ReactNode {
  const children = (node.content ?? []).map(renderInline);
  if (node.type === 'heading')
    return node.attrs?.level === 3 ? <h3 key={key}>{children}</h3> : <h2 key={key}>{children}</h2>;
  if (node.type === 'paragraph') return <p key={key}>{children}</p>;
  return null;
}

export function StaticDoc({ doc }: { doc: DocNode }) {
  return <>{(doc.content ?? []).map(renderBlock)}</>;
}
