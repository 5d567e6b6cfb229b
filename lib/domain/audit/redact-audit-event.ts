// What of the audit trail each member may read. The log keeps everything (it is the record);
// this decides at read time, so History, its CSV, the review memo and live updates agree.
import { can, type Role } from '../permissions/permissions';
import type { AuditEvent } from './audit-event';

/**
 * Owners read the whole trail. Everyone else sees that a comment was deleted but not what it
 * said (its author withdrew it), and that someone was invited but not their email or role
 * (the members page hides pending invitations from non-owners too).
 */
export function redactAuditEvent<E extends AuditEvent>(event: E, role: Role): E {
  if (can(role, 'history.read_private')) return event;
  switch (event.action) {
    case 'comment.deleted':
      return { ...event, before: { ...event.before, body: null } };
    case 'invitation.created':
      return { ...event, after: { ...event.after, email: null, role: null } };
    default:
      return event;
  }
}
