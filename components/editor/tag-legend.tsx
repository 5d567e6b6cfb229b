import { TAGS } from '@/lib/domain/annotations/tags';
import { tagLabel } from './tag-style';

export function TagLegend({ showKeys }: { showKeys: boolean }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-stone-600" aria-label="Highlight colours">
      {TAGS.map((tag, index) => (
        <li key={tag} className="flex items-center gap-1.5">
          <mark className="annotation-highlight rounded px-1.5 py-0.5 text-stone-800" data-tag={tag}>
            {tagLabel(tag)}
          </mark>
          {showKeys ? (
            <kbd className="rounded border border-stone-300 bg-white px-1 text-xs text-stone-500">{index + 1}</kbd>
          ) : null}
        </li>
      ))}
      <li className="flex items-center gap-1.5">
        <mark className="annotation-highlight rounded px-1.5 py-0.5 text-stone-800" data-tag="finding">
          <mark className="annotation-highlight text-stone-800" data-tag="quote">
            Overlap
          </mark>
        </mark>
        <span className="sr-only">: the inner annotation is striped</span>
      </li>
    </ul>
  );
}
