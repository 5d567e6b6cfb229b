import { describe, expect, it } from 'vitest';
import { changePassword } from '@/server/data/account/update-account';
import {
  createAuthSession,
  endAuthSession,
  endUserSessions,
  findSessionUser,
} from '@/server/data/sessions/auth-sessions';
import { db } from '@/server/db';
import { signUpNewUser, uniqueEmail } from './helpers';

// Issue #11 item 3: the session is a server-side row the JWT points at (the cookie-level
// regression test is e2e/auth/sign-out-ends-session.spec.ts).
describe('server-side sessions', () => {
  const account = () =>
    signUpNewUser({ name: 'Sessions', email: uniqueEmail('sessions'), password: 'long enough pass' });

  it('a session is valid until it is ended, and only for its own user', async () => {
    const user = await account();
    const other = await account();
    const session = await createAuthSession(user.id);
    expect(await findSessionUser(session, user.id)).toMatchObject({ id: user.id });
    expect(await findSessionUser(session, other.id)).toBeNull();
    expect(await findSessionUser('not-a-uuid', user.id)).toBeNull();
    await endAuthSession(session);
    expect(await findSessionUser(session, user.id)).toBeNull();
  });

  it('expires, and is extended while in use', async () => {
    const user = await account();
    const session = await createAuthSession(user.id, Date.now() - 8 * 24 * 60 * 60 * 1000);
    expect(await findSessionUser(session, user.id)).toBeNull();
    const used = await createAuthSession(user.id, Date.now() - 2 * 24 * 60 * 60 * 1000);
    const before = (await db().authSession.findUniqueOrThrow({ where: { id: used } })).expiresAt;
    expect(await findSessionUser(used, user.id)).not.toBeNull();
    expect((await db().authSession.findUniqueOrThrow({ where: { id: used } })).expiresAt > before).toBe(true);
  });

  it('"sign out everywhere" ends every session; keeping the current one ends the others', async () => {
    const user = await account();
    const [a, b, c] = [
      await createAuthSession(user.id),
      await createAuthSession(user.id),
      await createAuthSession(user.id),
    ];
    expect(await endUserSessions(user.id, { except: a })).toBe(2);
    expect(await findSessionUser(a, user.id)).not.toBeNull();
    expect(await findSessionUser(b, user.id)).toBeNull();
    expect(await endUserSessions(user.id)).toBe(1);
    expect(await findSessionUser(a, user.id)).toBeNull();
    expect(await findSessionUser(c, user.id)).toBeNull();
  });

  it('a password change ends every other session and needs the current password', async () => {
    const user = await account();
    const current = await createAuthSession(user.id);
    const stolen = await createAuthSession(user.id);
    await expect(
      changePassword({
        userId: user.id,
        sessionId: current,
        currentPassword: 'wrong one',
        newPassword: 'new long password',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(await findSessionUser(stolen, user.id)).not.toBeNull();
    await expect(
      changePassword({
        userId: user.id,
        sessionId: current,
        currentPassword: 'long enough pass',
        newPassword: 'new long password',
      }),
    ).resolves.toEqual({ endedSessions: 1 });
    expect(await findSessionUser(current, user.id)).not.toBeNull();
    expect(await findSessionUser(stolen, user.id)).toBeNull();
  });

  it('removing the account ends its sessions', async () => {
    const user = await account();
    const session = await createAuthSession(user.id);
    await db().membership.deleteMany({ where: { userId: user.id } });
    await db().user.delete({ where: { id: user.id } });
    expect(await findSessionUser(session, user.id)).toBeNull();
    expect(await db().authSession.count({ where: { id: session } })).toBe(0);
  });
});
