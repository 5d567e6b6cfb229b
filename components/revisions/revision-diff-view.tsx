import { WordsDiff } from '@/components/evidence/words-diff';
import type { RevisionDiffBlock } from '@/lib/domain/revisions/diff-revisions';
import type { AffectedAnnotation } from '@/server/data/revisions/revisions';
import { AnnotationOnRevisionItem } from './annotation-on-revision-item';

/** Removed words struck, added words marked, moved paragraphs labelled with where they went. Text only. */
function Block({ block }: { block: RevisionDiffBlock }) {
  switch (block.kind) {
    case 'equal':
      return <p className="text-stone-500">{block.text}</p>;
    case 'removed':
      return (
        <p data-diff="removed">
          <del className="bg-red-50 text-red-800">{block.text}</del>
        </p>
      );
    case 'added':
      return (
        <p data-diff="added">
          <ins className="bg-emerald-50 text-emerald-900 no-underline">{block.text}</ins>
        </p>
      );
    case 'changed':
      return (
        <p data-diff="changed">
          <WordsDiff
            label="Changes in this paragraph"
            segments={block.words.map((part) => ({
              kind: part.kind === 'removed' ? 'quote_only' : part.kind === 'added' ? 'source_only' : 'equal',
              text: part.text,
            }))}
          />
        </p>
      );
    case 'moved-away':
      return (
        <p data-diff="moved-away" className="text-stone-400">
          <span className="mr-1 text-xs font-medium uppercase text-sky-700">Moved down ↓</span>
          {block.text}
        </p>
      );
    case 'moved-here':
      return (
        <p data-diff="moved-here" className="bg-sky-50">
          <span className="mr-1 text-xs font-medium uppercase text-sky-700">Moved here</span>
          {block.text}
        </p>
      );
  }
}

export function RevisionDiffView({
  blocks,
  affected,
}: {
  blocks: RevisionDiffBlock[];
  affected: AffectedAnnotation[];
}) {
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="article-prose space-y-3" data-testid="revision-diff">
        {blocks.map((block, index) => (
          <Block key={index} block={block} />
        ))}
      </div>
      <aside aria-label="Affected annotations">
        <h2 className="text-sm font-semibold text-stone-800">Affected annotations ({affected.length})</h2>
        <ul className="mt-2 space-y-2 text-sm">
          {affected.map((annotation) => (
            <AnnotationOnRevisionItem key={annotation.id} annotation={annotation} testId="affected-annotation" />
          ))}
        </ul>
      </aside>
    </div>
  );
}
