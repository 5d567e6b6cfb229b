import { expect, test } from '@playwright/test';
import { newUser, signUp } from '../fixtures/users';

test('a user creates a personal access token, uses it as a Bearer token, and revokes it', async ({
  page,
  playwright,
}) => {
  await signUp(page, newUser('tokens'));
  await page.getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByText('No tokens yet.')).toBeVisible();
  await page.getByLabel('Token name').fill('CI export');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!.trim();
  expect(token).toMatch(/^mrg_[A-Za-z0-9_-]{43}$/);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy the token “CI export”' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const missing = await api.get('/api/articles/00000000-0000-7000-8000-000000000000');
  expect(missing.status()).toBe(401);
  const withToken = await api.get('/api/articles/00000000-0000-7000-8000-000000000000', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(withToken.status()).toBe(404);
  const badToken = await api.get('/api/articles/00000000-0000-7000-8000-000000000000', {
    headers: { authorization: `Bearer ${token.slice(0, -2)}xx` },
  });
  expect(badToken.status()).toBe(401);
  // A token cannot mint more tokens (and needs no Origin: Bearer calls are not CSRF-checked).
  expect(
    (await api.post('/api/tokens', { data: { name: 'x' }, headers: { authorization: `Bearer ${token}` } })).status(),
  ).toBe(401);

  await page.getByRole('button', { name: 'Revoke CI export' }).click();
  await expect(page.getByText('No tokens yet.')).toBeVisible();
  const revoked = await api.get('/api/articles/00000000-0000-7000-8000-000000000000', {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(revoked.status()).toBe(401);
  await api.dispose();
});
