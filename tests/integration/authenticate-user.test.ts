import { describe, expect, it } from 'vitest';
import { authenticateUser } from '@/server/data/users/authenticate-user';
import { signUpNewUser, uniqueEmail } from './helpers';

describe('authenticateUser', () => {
  it('accepts the right password and refuses a wrong one or an unknown email alike', async () => {
    const email = uniqueEmail('grace');
    const user = await signUpNewUser({ name: 'Grace Hopper', email, password: 'compilers are great' });

    await expect(authenticateUser({ email, password: 'compilers are great' })).resolves.toEqual({
      id: user.id,
      email,
      name: 'Grace Hopper',
    });
    await expect(authenticateUser({ email, password: 'compilers are bad' })).resolves.toBeNull();
    await expect(
      authenticateUser({ email: uniqueEmail('nobody'), password: 'compilers are great' }),
    ).resolves.toBeNull();
  });
});
