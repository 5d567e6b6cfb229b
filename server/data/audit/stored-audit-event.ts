import 'server-only';
import type { AuditEvent } from '@/lib/domain/audit/audit-event';

/**
 * A stored row as its typed variant. Only recordAuditEvent writes the log, and it takes only
 * the AuditEvent union, so a row's action names the shape of its snapshots.
 */
export function storedAuditEvent(row: {
  action: string;
  objectType: string;
  before: unknown;
  after: unknown;
}): AuditEvent {
  return { action: row.action, objectType: row.objectType, before: row.before, after: row.after } as AuditEvent;
}
