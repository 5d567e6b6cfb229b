'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { TextField } from '@/components/ui/text-field';
import { roles, type Role } from '@/lib/domain/permissions/permissions';
import { MemberRow, type Member } from './member-row';
import { DATE } from '@/lib/format/dates';

type Invitation = { id: string; email: string; role: Role; expiresAt: string };

type Props = {
  slug: string;
  currentUserId: string;
  isOwner: boolean;
  members: Member[];
  invitations: Invitation[];
};

const ROLE_HELP: Record<Role, string> = {
  owner: 'everything, including members',
  editor: 'edits articles, changes any annotation',
  reviewer: 'annotates and comments',
  viewer: 'reads',
};

async function send(url: string, init: RequestInit): Promise<{ ok: boolean; json: Record<string, unknown> | null }> {
  const response = await fetch(url, {
    ...init,
    headers: init.body ? { 'content-type': 'application/json' } : undefined,
  }).catch(() => null);
  const json =
    response && response.status !== 204
      ? ((await response.json().catch(() => null)) as Record<string, unknown> | null)
      : null;
  return { ok: !!response?.ok, json };
}

const errorOf = (json: Record<string, unknown> | null) =>
  ((json?.error as { message?: string } | undefined)?.message ?? 'That did not work. Please try again.') as string;

export function MembersManager({ slug, currentUserId, isOwner, members, invitations }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const result = await send(`/api/workspaces/${slug}/invitations`, {
      method: 'POST',
      body: JSON.stringify({ email: data.get('email'), role: data.get('role') }),
    });
    if (!result.ok) return setMessage({ tone: 'error', text: errorOf(result.json) });
    form.reset();
    setMessage(null);
    setLink({ email: String(result.json?.email), url: String(result.json?.url) });
    router.refresh();
  }

  async function act(url: string, init: RequestInit, done: string) {
    const result = await send(url, init);
    setMessage(result.ok ? { tone: 'info', text: done } : { tone: 'error', text: errorOf(result.json) });
    if (result.ok) router.refresh();
    return result.ok;
  }

  return (
    <div className="space-y-8">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 text-sm font-semibold text-stone-900">
          Members ({members.length})
        </h2>
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Members">
          {members.map((member) => (
            <MemberRow
              key={member.membershipId}
              member={member}
              isYou={member.userId === currentUserId}
              isOwner={isOwner}
              onChangeRole={(target, role) =>
                act(
                  `/api/workspaces/${slug}/members/${target.membershipId}`,
                  { method: 'PATCH', body: JSON.stringify({ role }) },
                  `${target.name} is now ${role}.`,
                )
              }
              onRemove={async (target) => {
                const leaving = target.userId === currentUserId;
                const ok = await act(
                  `/api/workspaces/${slug}/members/${target.membershipId}`,
                  { method: 'DELETE' },
                  leaving ? 'You left the workspace.' : `${target.name} was removed.`,
                );
                if (ok && leaving) router.push('/');
                return ok;
              }}
            />
          ))}
        </ul>
      </section>
      {isOwner ? (
        <section aria-labelledby="invite-heading" className="space-y-3">
          <h2 id="invite-heading" className="text-sm font-semibold text-stone-900">
            Invite someone
          </h2>
          <form onSubmit={invite} className="flex flex-wrap items-end gap-3">
            <TextField label="Email" name="email" type="email" required className="min-w-64 flex-1" />
            <div>
              <label htmlFor="invite-role" className="block text-sm font-medium text-stone-700">
                Role
              </label>
              <select
                id="invite-role"
                name="role"
                defaultValue="reviewer"
                className="mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 text-sm"
              >
                {roles.map((role) => (
                  <option key={role} value={role}>
                    {role}: {ROLE_HELP[role]}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit">Create invitation link</Button>
          </form>
          {link ? (
            <div role="status" className="rounded-lg border border-accent-100 bg-accent-50 p-4 text-sm">
              <p className="font-medium text-accent-800">
                The invitation is mailed to {link.email}. You can also pass on this single-use link yourself; it expires
                in 7 days.
              </p>
              <code
                data-testid="invitation-link"
                className="mt-2 block break-all rounded bg-white px-2 py-1.5 font-mono"
              >
                {link.url}
              </code>
              <div className="mt-2">
                <CopyButton value={link.url} label="Copy the invitation link" />
              </div>
            </div>
          ) : null}
          {invitations.length ? (
            <ul
              className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white"
              aria-label="Pending invitations"
            >
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex items-center justify-between px-4 py-2 text-sm">
                  <span>
                    {invitation.email} · {invitation.role} · expires {DATE.format(new Date(invitation.expiresAt))}
                  </span>
                  <Button
                    variant="ghost"
                    onClick={() =>
                      void act(
                        `/api/workspaces/${slug}/invitations/${invitation.id}`,
                        { method: 'DELETE' },
                        'Invitation revoked.',
                      )
                    }
                  >
                    Revoke
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
