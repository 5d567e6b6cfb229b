import { expect, test } from '@playwright/test';
import { DEMO, SEED_TITLES, WRONG_CREDENTIALS, signIn } from '../fixtures/users';

test('an anonymous visitor is sent to sign-in and returned to the page they asked for', async ({ page }) => {
  await page.goto('/w/demo');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fw%2Fdemo$/);
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill(DEMO.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/w\/demo$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demo newsroom');
});

test('a wrong password and an unknown email get the same error', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(DEMO.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const error = page.getByRole('alert').filter({ hasText: WRONG_CREDENTIALS });
  await expect(error).toBeVisible();
  await expect(page).toHaveURL(/\/signin$/);

  await page.getByLabel('Email').fill('nobody-here@example.test');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(error).toBeVisible();
  const texts = await page.getByRole('alert').filter({ hasText: WRONG_CREDENTIALS }).allTextContents();
  expect(texts).toHaveLength(1);
});

test('the demo user sees both seed articles with their annotation counts', async ({ page }) => {
  await signIn(page, DEMO);
  const list = page.getByRole('list', { name: 'Articles' });
  for (const title of SEED_TITLES)
    await expect(list.getByRole('link', { name: new RegExp(escape(title.slice(0, 40))) })).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByTestId('annotation-count').first()).toHaveText('0 annotations');
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
