import { TAGS } from '@/lib/domain/annotations/tags';
import type { TWorkspaceSearch } from '@/lib/validation/search';
import { tagLabel } from '@/components/editor/tag-style';

const selectClass = 'rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm';

/** A plain GET form: searching works without JavaScript and every search has a shareable URL. */
export function SearchForm({
  action,
  values,
  members,
}: {
  action: string;
  values: TWorkspaceSearch;
  members: { id: string; name: string }[];
}) {
  return (
    <form action={action} method="get" role="search" className="space-y-3">
      <div className="flex gap-2">
        <input
          type="search"
          name="q"
          aria-label="Search words"
          defaultValue={values.q}
          placeholder="Words in articles, notes or comments, e.g. “inspector general” -draft"
          maxLength={200}
          autoFocus
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2"
        />
        <button type="submit" className="rounded-md bg-accent-700 px-4 py-2 text-sm font-medium text-white">
          Search
        </button>
      </div>
      <div className="flex flex-wrap gap-3 text-sm text-stone-600">
        <select name="kind" aria-label="Search in" defaultValue={values.kind} className={selectClass}>
          <option value="all">Everything</option>
          <option value="articles">Article text</option>
          <option value="annotations">Annotation notes</option>
          <option value="comments">Comments</option>
        </select>
        <select name="tag" aria-label="Tag" defaultValue={values.tag ?? ''} className={selectClass}>
          <option value="">Any tag</option>
          {TAGS.map((tag) => (
            <option key={tag} value={tag}>
              {tagLabel(tag)}
            </option>
          ))}
        </select>
        <select name="author" aria-label="Author" defaultValue={values.author ?? ''} className={selectClass}>
          <option value="">Any author</option>
          {members.map((member) => (
            <option key={member.id} value={member.id}>
              {member.name}
            </option>
          ))}
        </select>
        <select name="status" aria-label="Thread status" defaultValue={values.status ?? ''} className={selectClass}>
          <option value="">Open or resolved</option>
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
        </select>
      </div>
    </form>
  );
}
