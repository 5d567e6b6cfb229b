import 'server-only';
import { getMemberArticle } from '../data/articles/get-member-article';
import { withheldAnnotationIds } from '../data/privilege/visible-annotations';
import { articleEventIdsInWindow, articleEventsInWindow, latestEventId } from './article-events';
import type { LiveCursor } from '@/lib/domain/live/live-event';
import { encodeEventCursor } from './event-cursor';

/**
 * Where a page's live updates start: the cursor of the last event when the page read its
 * data, and the article's events just below it that the page already shows (a resume replays
 * that reorder window, and the browser skips these instead of applying them twice). Only
 * events the stream would send this reader are listed: the count of the others would tell a
 * viewer how much happens on privileged notes. Read before the page's data, so nothing
 * written in between is missed.
 */
export async function getArticleLiveCursor(options: { userId: string; articleId: string }): Promise<LiveCursor> {
  const article = await getMemberArticle(options);
  const latest = await latestEventId();
  const withheld = await withheldAnnotationIds({
    userId: options.userId,
    role: article.role,
    workspaceId: article.workspaceId,
    articleId: article.id,
  });
  // With nothing withheld every event goes to this reader: the ids are enough, no event bodies.
  const seen = withheld.size
    ? (await articleEventsInWindow(article.id, latest))
        .filter((event) => event.toLive(article.role, withheld) !== null)
        .map((event) => event.seq)
    : await articleEventIdsInWindow(article.id, latest);
  return { after: encodeEventCursor(latest), seen: seen.map(encodeEventCursor) };
}
