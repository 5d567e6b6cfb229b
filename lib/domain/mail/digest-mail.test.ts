import { describe, expect, it } from 'vitest';
import { dailyDigestMail, DIGEST_MAX_ITEMS, type DigestItem } from './digest-mail';

const links = { inboxUrl: 'https://app.example/inbox', settingsUrl: 'https://app.example/settings' };
const mention: DigestItem = {
  kind: 'mention',
  author: 'Ana <script>',
  articleTitle: 'Budget report',
  quote: 'the ledger was incomplete',
  body: '@you please check this',
  url: 'https://app.example/w/ws/articles/a?annotation=b',
};
const assignment: DigestItem = {
  ...mention,
  kind: 'assignment',
  author: 'Ben',
  body: '',
  url: 'https://app.example/x',
};

describe('dailyDigestMail', () => {
  it('is null when there is nothing unread', () => {
    expect(dailyDigestMail({ items: [], ...links })).toBeNull();
  });

  it('counts mentions and assignments and links each passage, escaping names in the HTML', () => {
    const mail = dailyDigestMail({ items: [mention, assignment, mention], ...links })!;
    expect(mail.subject).toBe('Your Marginalia digest: 2 mentions and 1 assignment');
    expect(mail.text).toContain('Ana <script> mentioned you on "Budget report":');
    expect(mail.text).toContain('> @you please check this');
    expect(mail.text).toContain('Ben assigned you a passage on "Budget report":');
    expect(mail.text).toContain(`Open the passage: ${mention.url}`);
    expect(mail.text).toContain('Open your inbox: https://app.example/inbox');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Ana &lt;script&gt;');
  });

  it('lists at most DIGEST_MAX_ITEMS and counts the rest', () => {
    const items = Array.from({ length: DIGEST_MAX_ITEMS + 4 }, () => assignment);
    const mail = dailyDigestMail({ items, ...links })!;
    expect(mail.text.match(/Open the passage:/g)).toHaveLength(DIGEST_MAX_ITEMS);
    expect(mail.text).toContain('And 4 more in your inbox.');
  });
});
