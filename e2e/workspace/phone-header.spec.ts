// On a phone the header fits the screen and its links sit behind a menu button.
import { expect, test } from '@playwright/test';
import { DEMO, signIn } from '../fixtures/users';

test.use({ viewport: { width: 390, height: 844 } });

test('at 390 px the header fits and its menu opens, works by keyboard and closes with Escape', async ({ page }) => {
  await signIn(page, DEMO);
  const header = page.locator('header').first();
  const widths = await header.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const inbox = page.getByRole('link', { name: /^Inbox/ });
  await expect(inbox).toBeHidden();
  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(inbox).toBeVisible();
  await inbox.focus();
  await page.keyboard.press('Escape');
  await expect(inbox).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await inbox.click();
  await expect(page).toHaveURL(/\/inbox$/);
});
