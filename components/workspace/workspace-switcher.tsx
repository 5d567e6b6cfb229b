'use client';

import { useRouter } from 'next/navigation';

type Item = { slug: string; name: string };

export function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: Item[] }) {
  const router = useRouter();
  if (workspaces.length < 2) {
    return <span className="text-sm font-medium text-stone-700">{workspaces[0]?.name}</span>;
  }
  return (
    <select
      aria-label="Switch workspace"
      value={current}
      onChange={(event) => router.push(`/w/${event.target.value}`)}
      className="rounded-md border border-stone-300 bg-white px-2 py-1 text-sm font-medium text-stone-800"
    >
      {workspaces.map((workspace) => (
        <option key={workspace.slug} value={workspace.slug}>
          {workspace.name}
        </option>
      ))}
    </select>
  );
}
