/** Ids are UUIDs; anything else cannot name a row, so lookups answer "not found" without a query. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * Workspace slugs are lower-case ASCII words joined by hyphens (lib/domain/workspaces/workspace-slug.ts);
 * anything else (a NUL byte, which Postgres text cannot hold, above all) names no workspace.
 */
export function isWorkspaceSlug(value: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,99}$/.test(value);
}
