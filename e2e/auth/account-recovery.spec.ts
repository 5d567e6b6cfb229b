import { expect, test } from '@playwright/test';
import { mailedLinkPath as latestLink } from '../fixtures/outbox';
import { newUser, signIn, signUp } from '../fixtures/users';

test('a user who forgot their password resets it from the mailed link and signs in with the new one', async ({
  page,
  browser,
}) => {
  const user = newUser('forgot');
  await signUp(page, user);
  await expect(page.getByRole('link', { name: 'Settings', exact: true })).toBeVisible();

  const other = await browser.newPage();
  await other.goto('/signin');
  await other.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(other).toHaveURL(/\/forgot-password$/);
  // On a busy machine the client navigation can render the form again after a fast fill, which
  // then sends an empty address (a 422 on the page): fill and send again until the answer shows.
  await expect(async () => {
    await other.getByLabel('Email').fill(user.email);
    await other.getByRole('button', { name: 'Send the link' }).click();
    await expect(other.getByRole('status')).toContainText('If an account uses this address', { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });

  await other.goto(await latestLink(user.email, 'password_reset', '/reset-password/'));
  await other.getByLabel('New password').fill('a completely new password');
  await other.getByRole('button', { name: 'Set the new password' }).click();
  await expect(other.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await signIn(other, { email: user.email, password: 'a completely new password' });

  // The reset signed out the browser that was signed in before.
  await page.goto('/settings');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings/);
  await other.close();
});

test('settings: change the name, confirm the address, change the password', async ({ page }) => {
  const user = newUser('settings');
  await signUp(page, user);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByTestId('email-status')).toHaveText('not confirmed yet');

  await page.getByLabel('Name').fill('Renamed Reviewer');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Your name is saved.')).toBeVisible();

  await page.goto(await latestLink(user.email, 'email_verification', '/verify-email/'));
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByText(`${user.email} is confirmed`)).toBeVisible();
  await page.goto('/settings');
  await expect(page.getByTestId('email-status')).toHaveText('confirmed');
  await expect(page.getByLabel('Name')).toHaveValue('Renamed Reviewer');

  await page.getByLabel('Current password').fill('not my password');
  await page.getByLabel('New password').fill('another long password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('This is not your current password.')).toBeVisible();
  await page.getByLabel('Current password').fill(user.password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password is changed.')).toBeVisible();
  // This browser stays signed in.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
