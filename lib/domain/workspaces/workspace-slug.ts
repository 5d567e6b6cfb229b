// URL slugs for workspaces: readable, ASCII, with a random tail so names may repeat.
export function slugify(name: string, maxLength = 40, fallback = 'workspace'): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
  return base || fallback;
}

export function workspaceSlug(name: string, randomSuffix: string): string {
  return `${slugify(name)}-${randomSuffix}`;
}

export function personalWorkspaceName(userName: string): string {
  const first = userName.trim().split(/\s+/)[0] ?? '';
  return first ? `${first}'s workspace` : 'My workspace';
}
