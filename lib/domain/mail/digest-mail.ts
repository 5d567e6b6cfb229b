// The optional daily digest: one mail a day listing what is unread in a person's inbox from the
// last 24 hours (mentions, assignments), each with a link to its passage.
import { excerpt, renderMail, type MailBlock, type RenderedMail } from './render-mail';

/** Items listed in one digest; more are counted, and the inbox link shows them all. */
export const DIGEST_MAX_ITEMS = 30;
/** What a digest covers, and how long after one the next may be sent. */
export const DIGEST_WINDOW_HOURS = 24;
/** Every day at 07:00 UTC (pg-boss cron). */
export const DIGEST_CRON = '0 7 * * *';

export type DigestItem = {
  kind: 'mention' | 'assignment';
  author: string;
  articleTitle: string;
  quote: string;
  /** The comment that mentioned the reader; empty for an assignment. */
  body: string;
  /** Absolute link to the passage. */
  url: string;
};

function itemBlocks(item: DigestItem): MailBlock[] {
  const intro =
    item.kind === 'mention'
      ? `${item.author} mentioned you on "${item.articleTitle}":`
      : `${item.author} assigned you a passage on "${item.articleTitle}":`;
  return [
    { type: 'paragraph', text: intro },
    ...(item.kind === 'mention' && item.body ? [{ type: 'quote' as const, text: excerpt(item.body, 300) }] : []),
    { type: 'quote', text: excerpt(item.quote, 200) },
    { type: 'action', label: 'Open the passage', url: item.url },
  ];
}

/** The digest for `items` (newest first), or null when there is nothing to say: no mail then. */
export function dailyDigestMail(input: {
  items: DigestItem[];
  inboxUrl: string;
  settingsUrl: string;
}): RenderedMail | null {
  const total = input.items.length;
  if (total === 0) return null;
  const shown = input.items.slice(0, DIGEST_MAX_ITEMS);
  const mentions = input.items.filter((item) => item.kind === 'mention').length;
  const assignments = total - mentions;
  const counts = [
    mentions ? `${mentions} ${mentions === 1 ? 'mention' : 'mentions'}` : null,
    assignments ? `${assignments} ${assignments === 1 ? 'assignment' : 'assignments'}` : null,
  ]
    .filter(Boolean)
    .join(' and ');
  return renderMail({
    subject: `Your Marginalia digest: ${counts}`,
    blocks: [
      {
        type: 'paragraph',
        text: `In the last ${DIGEST_WINDOW_HOURS} hours you received ${counts} you have not read yet.`,
      },
      ...shown.flatMap(itemBlocks),
      ...(total > shown.length
        ? [{ type: 'paragraph' as const, text: `And ${total - shown.length} more in your inbox.` }]
        : []),
      { type: 'action', label: 'Open your inbox', url: input.inboxUrl },
      {
        type: 'paragraph',
        text: `You get this mail because the daily digest is on in your settings: ${input.settingsUrl}`,
      },
    ],
  });
}
