'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { roles, type Role } from '@/lib/domain/permissions/permissions';

export type Member = { membershipId: string; userId: string; name: string; email: string; role: Role };

type Props = {
  member: Member;
  isYou: boolean;
  isOwner: boolean;
  /** Sends the change; resolves true when it was made. */
  onChangeRole: (member: Member, role: Role) => Promise<boolean>;
  onRemove: (member: Member) => Promise<boolean>;
};

/**
 * One member. Changing a role or removing someone takes a second, explicit step: picking "owner"
 * in a menu by mistake must not hand over the workspace, and a removal ends their access at once.
 */
export function MemberRow({ member, isYou, isOwner, onChangeRole, onRemove }: Props) {
  const [pendingRole, setPendingRole] = useState<Role | null>(null);
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<boolean>) => {
    setBusy(true);
    await action();
    setBusy(false);
    setPendingRole(null);
    setConfirmingRemoval(false);
  };
  const who = isYou ? 'yourself' : member.name;

  return (
    <li className="px-4 py-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="font-medium text-stone-900">
            {member.name} {isYou ? <span className="text-stone-500">(you)</span> : null}
          </p>
          <p className="text-stone-500">{member.email}</p>
        </div>
        <div className="flex items-center gap-2">
          {isOwner ? (
            <select
              aria-label={`Role of ${member.name}`}
              value={pendingRole ?? member.role}
              onChange={(event) => {
                const role = event.target.value as Role;
                setConfirmingRemoval(false);
                setPendingRole(role === member.role ? null : role);
              }}
              className="rounded border border-stone-300 bg-white px-2 py-1"
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
          ) : (
            <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-700">
              {member.role}
            </span>
          )}
          {isOwner || isYou ? (
            <Button
              variant="ghost"
              className="text-red-700 hover:bg-red-50"
              onClick={() => {
                setPendingRole(null);
                setConfirmingRemoval(true);
              }}
            >
              {isYou ? 'Leave' : 'Remove'}
            </Button>
          ) : null}
        </div>
      </div>
      {pendingRole ? (
        <div role="group" aria-label="Confirm the role change" className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-stone-700">
            Make {who} {pendingRole}
            {pendingRole === 'owner' ? ' (full control, including members)' : ''}?
          </span>
          <Button disabled={busy} onClick={() => void run(() => onChangeRole(member, pendingRole))}>
            Change role
          </Button>
          <Button variant="ghost" disabled={busy} onClick={() => setPendingRole(null)}>
            Cancel
          </Button>
        </div>
      ) : null}
      {confirmingRemoval ? (
        <div role="group" aria-label="Confirm the removal" className="mt-2 flex flex-wrap items-center gap-2">
          <span className="text-stone-700">
            {isYou
              ? 'Leave this workspace? You lose access at once.'
              : `Remove ${member.name}? They lose access at once.`}
          </span>
          <Button
            className="bg-red-700 hover:bg-red-800"
            disabled={busy}
            onClick={() => void run(() => onRemove(member))}
          >
            {isYou ? 'Yes, leave' : 'Yes, remove'}
          </Button>
          <Button variant="ghost" disabled={busy} onClick={() => setConfirmingRemoval(false)}>
            Cancel
          </Button>
        </div>
      ) : null}
    </li>
  );
}
