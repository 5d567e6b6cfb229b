import { expect, test } from '@playwright/test';
import { appOriginHeaders } from '../fixtures/api-session';
import { connectToE2eDatabase } from '../fixtures/database-snapshot';
import { selectArticleText } from '../fixtures/select-text';
import { DEMO, newUser, signIn } from '../fixtures/users';
import { SANDBOX_WORKSPACE } from '../fixtures/workspaces';

test('an owner invites a viewer through a link; the viewer joins, reads, and cannot annotate', async ({
  page,
  browser,
}) => {
  const invitee = newUser('invitee');
  await signIn(page, DEMO);
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}/members`);
  await page.getByLabel('Email').fill(invitee.email);
  await page.getByLabel('Role', { exact: true }).selectOption('viewer');
  await page.getByRole('button', { name: 'Create invitation link' }).click();
  const link = (await page.getByTestId('invitation-link').textContent())!.trim();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('button', { name: 'Copy the invitation link' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Pending invitations' })).toContainText(invitee.email);

  // Something to discuss, so the viewer's thread view can be checked.
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}`);
  const articleHref = await page.getByRole('link', { name: /Driving Force/ }).getAttribute('href');
  const sandboxArticleId = articleHref!.split('/').at(-1)!;
  const created = await page.request.post(`/api/articles/${sandboxArticleId}/annotations`, {
    headers: appOriginHeaders(),
    data: {
      body: { purpose: 'tagging', value: 'finding' },
      target: { selector: { type: 'TextPositionSelector', start: 0, end: 3 } },
    },
  });
  expect(created.status()).toBe(201);
  const annotationPath = new URL((await created.json()).id).pathname;

  const guest = await browser.newPage();
  await guest.goto(new URL(link).pathname);
  await expect(guest).toHaveURL(/\/signin\?callbackUrl=%2Finvite%2F/);
  await guest.getByRole('link', { name: 'Create an account' }).click();
  await guest.getByLabel('Name').fill(invitee.name);
  await guest.getByLabel('Email').fill(invitee.email);
  await guest.getByLabel('Password').fill(invitee.password);
  await guest.getByRole('button', { name: 'Create account' }).click();
  await expect(guest.getByRole('heading', { name: `Join ${SANDBOX_WORKSPACE.name}` })).toBeVisible();
  await expect(guest.getByText('as viewer')).toBeVisible();

  // The invitation was mailed too (the e2e server has no SMTP_URL: the built-in outbox keeps it).
  // An invitation bound to an address needs that address confirmed: before, joining is refused.
  const database = await connectToE2eDatabase();
  const mailText = async (kind: string) =>
    (
      await database.row<{ text: string }>(
        `SELECT text FROM "MailMessage" WHERE "to" = $1 AND kind = $2 ORDER BY "createdAt" DESC LIMIT 1`,
        [invitee.email, kind],
      )
    ).text;
  expect(await mailText('invitation')).toContain(link);
  await guest.getByRole('button', { name: `Join ${SANDBOX_WORKSPACE.name}` }).click();
  await expect(guest.getByRole('alert').filter({ hasText: 'Confirm your address first' })).toBeVisible();
  const verifyLink = /https?:\/\/\S+\/verify-email\/[A-Za-z0-9_-]{43}/.exec(await mailText('email_verification'))![0];
  await database.close();
  await guest.goto(new URL(verifyLink).pathname);
  await guest.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(guest.getByText(`${invitee.email} is confirmed`)).toBeVisible();
  await guest.goto(new URL(link).pathname);
  await guest.getByRole('button', { name: `Join ${SANDBOX_WORKSPACE.name}` }).click();
  await expect(guest).toHaveURL(new RegExp(`/w/${SANDBOX_WORKSPACE.slug}$`));

  await guest.getByRole('link', { name: /Driving Force/ }).click();
  await expect(guest.getByTestId('article-editor')).toBeVisible();
  await selectArticleText(guest, 'deeply concerned');
  await expect(guest.getByRole('toolbar')).toHaveCount(0);
  const articleId = new URL(guest.url()).pathname.split('/').at(-1);
  const refused = await guest.request.post(`/api/articles/${articleId}/annotations`, {
    headers: appOriginHeaders(),
    data: {
      body: { purpose: 'tagging', value: 'finding' },
      target: { selector: { type: 'TextPositionSelector', start: 0, end: 3 } },
    },
  });
  expect(refused.status()).toBe(403);

  // A viewer reads the discussion but cannot take part: no reply box, and the API refuses.
  const cardOfOwner = guest.locator('[data-annotation-card]').filter({ hasText: 'Top' }).first();
  await cardOfOwner.getByRole('button', { name: 'Discussion' }).click();
  await expect(cardOfOwner.getByText('No comments yet.')).toBeVisible();
  await expect(cardOfOwner.getByRole('combobox', { name: 'Reply' })).toHaveCount(0);
  const comment = await guest.request.post(`/api/annotations/${annotationPath.split('/').at(-1)}/comments`, {
    data: { body: 'Viewer comment' },
    headers: appOriginHeaders(),
  });
  expect(comment.status()).toBe(403);

  // The link worked once.
  const again = await guest.request.post('/api/invitations/accept', {
    data: { token: link.split('/').at(-1) },
    headers: appOriginHeaders(),
  });
  expect(again.status()).toBe(404);
  await guest.close();

  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}/members`);
  await expect(page.getByRole('combobox', { name: `Role of ${invitee.name}` })).toHaveValue('viewer');
  await expect(page.getByRole('list', { name: 'Pending invitations' })).toHaveCount(0);
});

test('the last owner cannot leave or be demoted', async ({ page }) => {
  await signIn(page, DEMO);
  await page.goto(`/w/${SANDBOX_WORKSPACE.slug}/members`);
  const demoRow = page.getByRole('listitem').filter({ hasText: DEMO.email });
  // Leaving and role changes ask first; cancelling changes nothing.
  await demoRow.getByRole('button', { name: 'Leave' }).click();
  await demoRow.getByRole('group', { name: 'Confirm the removal' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(demoRow.getByRole('group')).toHaveCount(0);
  await demoRow.getByRole('button', { name: 'Leave' }).click();
  await demoRow.getByRole('button', { name: 'Yes, leave' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A workspace needs at least one owner' })).toBeVisible();
  await demoRow.getByRole('combobox').selectOption('editor');
  await expect(demoRow.getByRole('group', { name: 'Confirm the role change' })).toContainText('Make yourself editor?');
  await demoRow.getByRole('button', { name: 'Change role' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'A workspace needs at least one owner' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: DEMO.email }).getByRole('combobox')).toHaveValue('owner');
});
