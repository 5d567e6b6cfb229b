// URL slugs for workspaces: readable, ASCII, with a random tail so names may repeat.
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return base || 'workspace';
}

export function workspaceSlug(name: string, randomSuffix: string): string {
  return `${slugify(name)}-${randomSuffix}`;
}

export function personalWorkspaceName(userName: string): string {
  const first = userName.trim().split(/\s+/)[0] ?? '';
  return first ? `${first}'s workspace` : 'My workspace';
}
