import { expect, test } from '@playwright/test';
import { connectToE2eDatabase } from '../fixtures/database-snapshot';
import { newUser, signIn, signUp } from '../fixtures/users';

/** The latest mail of a kind to an address, from the built-in outbox (the e2e server has no SMTP_URL). */
async function latestLink(to: string, kind: string, path: string): Promise<string> {
  const database = await connectToE2eDatabase();
  try {
    const row = await database.row<{ text: string }>(
      `SELECT text FROM "MailMessage" WHERE "to" = $1 AND kind = $2 ORDER BY "createdAt" DESC LIMIT 1`,
      [to, kind],
    );
    const link = new RegExp(`https?://\\S+${path}[A-Za-z0-9_-]{43}`).exec(row?.text ?? '')?.[0];
    expect(link, `a ${kind} mail to ${to}`).toBeTruthy();
    return new URL(link!).pathname;
  } finally {
    await database.close();
  }
}

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
  await other.getByLabel('Email').fill(user.email);
  await other.getByRole('button', { name: 'Send the link' }).click();
  await expect(other.getByRole('status')).toContainText('If an account uses this address');

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
