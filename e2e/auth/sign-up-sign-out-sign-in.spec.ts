import { expect, test } from '@playwright/test';
import { newUser, signIn, signUp } from '../fixtures/users';

test('a new user signs up into their own empty workspace, signs out and signs back in', async ({ page }) => {
  const user = newUser('signup');
  await signUp(page, user);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("E2E's workspace");
  await expect(page.getByText('No articles yet')).toBeVisible();
  await expect(page.getByText('owner', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);

  await signIn(page, user);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("E2E's workspace");
});

test('sign-up shows what is wrong with the form and keeps the user on it', async ({ page }) => {
  await page.goto('/signup');
  await page.getByLabel('Name').fill('Short Password');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByLabel('Password').fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid email address.')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters.')).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

// Sign-up no longer tells anyone which addresses have accounts (issue #11 item 8): the second
// sign-up gets the same "check your email" as a new one, and the account's owner gets a mail.
test('signing up again with a known email tells the visitor to check their email, not that it exists', async ({
  page,
  browser,
}) => {
  const user = newUser('twice');
  await signUp(page, user);
  const other = await browser.newPage();
  await other.goto('/signup');
  await other.getByLabel('Name').fill('Someone Else');
  await other.getByLabel('Email').fill(user.email.toUpperCase());
  await other.getByLabel('Password').fill('another password');
  await other.getByRole('button', { name: 'Create account' }).click();
  await expect(other.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(other.getByText('already exists')).toHaveCount(0);
  await other.close();
});
