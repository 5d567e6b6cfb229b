import type { Metadata } from 'next';
import Link from 'next/link';
import {
  ChangeNameForm,
  ChangePasswordForm,
  ResendVerificationButton,
  SessionButtons,
} from '@/components/settings/account-forms';
import { DailyDigestToggle } from '@/components/settings/daily-digest-toggle';
import { FailedMailList } from '@/components/settings/failed-mail-list';
import { StandalonePage } from '@/components/ui/standalone-page';
import { getCurrentSession, requirePageUser } from '@/server/auth/session';
import { getDailyDigest } from '@/server/data/account/set-daily-digest';
import { listFailedMail } from '@/server/data/mail/list-mail';

export const metadata: Metadata = { title: 'Settings' };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-3 border-t border-stone-200 py-6">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function SettingsPage() {
  const user = await requirePageUser('/settings');
  const [current, failed, digest] = await Promise.all([
    getCurrentSession(),
    listFailedMail(user.id),
    getDailyDigest(user.id),
  ]);
  const verified = Boolean(current?.user.emailVerifiedAt);
  return (
    <StandalonePage title="Settings" email={user.email}>
      <Section title="Name">
        <ChangeNameForm name={user.name} />
      </Section>
      <Section title="Email address">
        <p className="text-sm text-stone-700">
          {user.email} · <span data-testid="email-status">{verified ? 'confirmed' : 'not confirmed yet'}</span>
        </p>
        {verified ? null : (
          <>
            <p className="text-sm text-stone-600">
              Invitations sent to this address can be accepted once you open the confirmation link we mailed you.
            </p>
            <ResendVerificationButton />
          </>
        )}
      </Section>
      <Section title="Password">
        <ChangePasswordForm />
      </Section>
      <Section title="Sessions">
        <p className="text-sm text-stone-600">
          Signed in on a computer you no longer use, or worried someone else is? End the other sessions, or all of them.
        </p>
        <SessionButtons />
      </Section>
      <Section title="Daily digest">
        <p className="text-sm text-stone-600">
          One mail a day (07:00 UTC) listing the mentions and assignments of the last 24 hours you have not read yet; no
          mail on a day with none.
        </p>
        <DailyDigestToggle enabled={digest} />
      </Section>
      <Section title="Mail that could not be delivered">
        <FailedMailList mails={failed} />
      </Section>
      <p className="border-t border-stone-200 pt-6 text-sm">
        <Link href="/settings/tokens" className="font-medium text-accent-700 hover:underline">
          API tokens
        </Link>
      </p>
    </StandalonePage>
  );
}
