import type { Metadata } from 'next';
import { InboxList } from '@/components/inbox/inbox-list';
import { StandalonePage } from '@/components/ui/standalone-page';
import { requirePageUser } from '@/server/auth/session';
import { listInbox } from '@/server/data/inbox/inbox';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  const user = await requirePageUser('/inbox');
  return (
    <StandalonePage title="Inbox" email={user.email}>
      <InboxList items={await listInbox(user.id)} />
    </StandalonePage>
  );
}
