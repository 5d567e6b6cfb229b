// The daily digest is off by default and turned on (and off) in settings; the choice is kept.
import { expect, test } from '@playwright/test';
import { newUser, signUp } from '../fixtures/users';

test('the daily digest starts off, is turned on in settings, and stays on after a reload', async ({ page }) => {
  await signUp(page, newUser('digest'));
  await page.goto('/settings');
  const digest = page.getByLabel('Mail me a daily digest of unread mentions and assignments');
  await expect(digest).not.toBeChecked();
  await digest.check();
  await expect(page.getByRole('status').filter({ hasText: 'The daily digest is on.' })).toBeVisible();
  await page.reload();
  await expect(digest).toBeChecked();
  await digest.uncheck();
  await expect(page.getByRole('status').filter({ hasText: 'The daily digest is off.' })).toBeVisible();
  await page.reload();
  await expect(digest).not.toBeChecked();
});
