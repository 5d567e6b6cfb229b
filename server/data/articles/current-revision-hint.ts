import 'server-only';
import { LRUCache } from 'lru-cache';

/**
 * The article's workspace and current revision as this process last saw them. Only a guess,
 * never trusted: the statement that writes on the strength of it checks both in the same
 * statement (server/data/annotations/insert-annotation.ts), and a wrong guess is corrected
 * there. It spares a lookup round trip on every create of an article being annotated.
 */
export type RevisionHint = { workspaceId: string; revisionId: string };

const hints = new LRUCache<string, RevisionHint>({ max: 20_000 });

export function currentRevisionHint(articleId: string): RevisionHint | undefined {
  return hints.get(articleId);
}

export function noteCurrentRevision(articleId: string, hint: RevisionHint): void {
  hints.set(articleId, hint);
}
