// Export options for privileged notes, shown to editors and owners: a plain GET form (no
// script needed) that turns the download links below into ones that include them, and the
// privilege log of what exports otherwise withhold.
export function PrivilegeExportOptions({ slug, includePrivileged }: { slug: string; includePrivileged: boolean }) {
  return (
    <section className="mt-6 rounded-xl border border-stone-200 bg-white p-5" aria-labelledby="privileged-notes">
      <h2 id="privileged-notes" className="mb-2 font-semibold">
        Privileged notes
      </h2>
      <p className="mb-3 text-sm text-stone-600">
        Exports leave privileged annotations and their threads out. Include them only for readers entitled to them.
      </p>
      <form method="get" className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="privileged" value="include" defaultChecked={includePrivileged} />
          Include privileged notes in the downloads below
        </label>
        <button
          type="submit"
          className="rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-50"
        >
          Apply
        </button>
      </form>
      <p className="mt-3 text-sm">
        <a
          href={`/api/workspaces/${slug}/export?format=privilege-log`}
          download
          className="font-medium text-stone-800 underline"
        >
          Download the privilege log (CSV)
        </a>{' '}
        <span className="text-stone-600">
          — date, author, tag, page or paragraph and stated basis of each withheld note, without its words.
        </span>
      </p>
    </section>
  );
}
