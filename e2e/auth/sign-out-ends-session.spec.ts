import { expect, test, type APIRequestContext } from '@playwright/test';
import { appOriginHeaders, signedInRequest } from '../fixtures/api-session';
import { E2E_PASSWORD, OUTSIDER } from '../fixtures/workspaces';

// Issue #11 item 3: a next-auth JWT used to stay valid for its whole 7 days after sign-out (it
// could even mint API tokens). Each session now lives on the server, and ending it ends the cookie.

const outsider = { email: OUTSIDER.email, password: E2E_PASSWORD };

/** A fresh client holding only the given cookies, as an attacker who copied them would. */
async function replay(playwright: Parameters<typeof signedInRequest>[0], baseURL: string, from: APIRequestContext) {
  const { cookies } = await from.storageState();
  return playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: appOriginHeaders(baseURL),
    storageState: { cookies, origins: [] },
  });
}

async function expectSignedOut(client: APIRequestContext) {
  expect((await client.get('/api/tokens')).status()).toBe(401);
  expect((await client.post('/api/tokens', { data: { name: 'after sign-out' } })).status()).toBe(401);
  const page = await client.get('/inbox', { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toContain('/signin');
}

test('after sign-out the old session cookie opens no page or API and cannot create a token', async ({
  playwright,
  baseURL,
}) => {
  const session = await signedInRequest(playwright, baseURL!, outsider);
  const copy = await replay(playwright, baseURL!, session);
  // Positive control: the copied cookie works while the session lives.
  expect((await copy.get('/api/tokens')).status()).toBe(200);
  expect((await copy.get('/inbox', { maxRedirects: 0 })).status()).toBe(200);

  const { csrfToken } = (await (await session.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const signOut = await session.post('/api/auth/signout', { form: { csrfToken, json: 'true' }, maxRedirects: 0 });
  expect(signOut.status()).toBeLessThan(400);

  await expectSignedOut(copy);
  await Promise.all([session.dispose(), copy.dispose()]);
});

test('"sign out everywhere" ends every session of the account, including the one that asked', async ({
  playwright,
  baseURL,
}) => {
  const laptop = await signedInRequest(playwright, baseURL!, outsider);
  const phone = await signedInRequest(playwright, baseURL!, outsider);
  const laptopCopy = await replay(playwright, baseURL!, laptop);
  expect((await phone.get('/api/tokens')).status()).toBe(200);

  const ended = await laptop.delete('/api/account/sessions');
  expect(ended.status()).toBe(200);
  expect(((await ended.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(2);

  await expectSignedOut(phone);
  await expectSignedOut(laptopCopy);
  await Promise.all([laptop.dispose(), phone.dispose(), laptopCopy.dispose()]);
});
