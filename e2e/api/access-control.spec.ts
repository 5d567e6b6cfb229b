import { expect, test } from '@playwright/test';
import { appOriginHeaders } from '../fixtures/api-session';
import { DEMO, newUser, signIn, signUp } from '../fixtures/users';

async function demoArticleId(page: import('@playwright/test').Page): Promise<string> {
  await signIn(page, DEMO);
  const href = await page.getByRole('link', { name: /Driving Force/ }).getAttribute('href');
  const id = href?.split('/').at(-1);
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return id!;
}

test('the article API answers 401 without a session and 404 to a member of another workspace', async ({
  page,
  browser,
  playwright,
}) => {
  const articleId = await demoArticleId(page);
  const own = await page.request.get(`/api/articles/${articleId}`);
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({
    id: articleId,
    revisionNumber: 1,
    text: expect.stringContaining('We need to take away children'),
  });

  const anonymous = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: appOriginHeaders(),
  });
  expect((await anonymous.get(`/api/articles/${articleId}`)).status()).toBe(401);
  expect((await anonymous.patch(`/api/articles/${articleId}`, { data: { title: 'x' } })).status()).toBe(401);
  await anonymous.dispose();

  const strangerPage = await browser.newPage();
  await signUp(strangerPage, newUser('stranger'));
  expect((await strangerPage.request.get(`/api/articles/${articleId}`)).status()).toBe(404);
  const patch = await strangerPage.request.patch(`/api/articles/${articleId}`, {
    data: { title: 'Hijacked' },
    headers: appOriginHeaders(),
  });
  expect(patch.status()).toBe(404);
  await strangerPage.goto(`/w/demo/articles/${articleId}`);
  await expect(strangerPage.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await strangerPage.close();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Hijacked');
});

test('the sign-up API refuses bad input with clear 4xx answers', async ({ request }) => {
  const bad = await request.post('/api/signup', {
    data: { name: 'X', email: 'nope', password: 'short' },
    headers: appOriginHeaders(),
  });
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.fields).toHaveProperty('email');
  const big = await request.post('/api/signup', {
    data: { name: 'x'.repeat(20_000), email: 'a@b.test', password: 'long enough pass' },
    headers: appOriginHeaders(),
  });
  expect(big.status()).toBe(413);
  const title = await request.patch('/api/articles/00000000-0000-0000-0000-000000000000', {
    data: { title: '' },
    headers: appOriginHeaders(),
  });
  expect(title.status()).toBe(401);
});
