import { describe, expect, it } from 'vitest';
import { db } from '@/server/db';
import { signUpNewUser, uniqueEmail } from './helpers';

describe('the audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database, keeping every entry', async () => {
    const user = await signUpNewUser({
      name: 'Audit Tester',
      email: uniqueEmail('audit'),
      password: 'long enough pass',
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { actorId: user.id, action: 'user.signed_up' } });
    const count = await db().auditEvent.count();

    await expect(
      db().auditEvent.update({ where: { id: event.id }, data: { action: 'user.nothing_happened' } }),
    ).rejects.toThrow(/append-only: UPDATE is not allowed/);
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(
      /append-only: DELETE is not allowed/,
    );
    await expect(db().$executeRawUnsafe('DELETE FROM "AuditEvent"')).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(
      /append-only: TRUNCATE is not allowed/,
    );

    expect(await db().auditEvent.count()).toBe(count);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });

  it('keeps the actor of an event after the user is deleted', async () => {
    const user = await signUpNewUser({
      name: 'Leaving User',
      email: uniqueEmail('leaving'),
      password: 'long enough pass',
    });
    await db().membership.deleteMany({ where: { userId: user.id } });
    await db().user.delete({ where: { id: user.id } });
    const events = await db().auditEvent.findMany({ where: { actorId: user.id } });
    expect(events.map((event) => event.action).sort()).toEqual(['user.signed_up', 'workspace.created']);
  });
});
